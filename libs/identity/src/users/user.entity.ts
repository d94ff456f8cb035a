import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '#common';

/**
 * A person known to Samla by the identity provider's stable id, with the department an admin placed them in.
 * Used when tokens carry no department claim (Entra ID by default carries none).
 */
@Entity({ name: 'users' })
export class UserEntity extends VersionedEntity {
  @Index('ux_users_subject', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Index('ix_users_department_id')
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  // A read-only reference to reference data's table (docs/adr/0003-cross-context-reads.md); no relation object.
  @ManyToOne('DepartmentEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_users_department' })
  department?: unknown;
}
