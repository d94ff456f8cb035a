import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { VersionedEntity } from '#common';

export const DEPARTMENT_KINDS = ['administration', 'committee', 'company', 'external'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** An organisation unit: förvaltning, nämnd, kommunalt bolag or external partner (police, Arbetsförmedlingen …). */
@Entity({ name: 'departments' })
@Check('ck_departments_kind', `kind IN ('administration', 'committee', 'company', 'external')`)
@Check('ck_departments_not_own_parent', `parent_id IS DISTINCT FROM id`)
export class DepartmentEntity extends VersionedEntity {
  @Index('ux_departments_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: DepartmentKind;

  @Index('ix_departments_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  /** Where notices for the department's head go (a work address or a functional mailbox). */
  @Column({ type: 'varchar', length: 254, nullable: true })
  headEmail: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_departments_parent' })
  parent?: Relation<DepartmentEntity>;
}
