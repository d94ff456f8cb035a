import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DepartmentEntity } from '#reference-data';
import { InitiativeEntity } from './initiative.entity.js';

export const PARTICIPANT_ROLES = ['co_owner', 'partner', 'funder', 'informed'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A department that takes part in an initiative it does not lead, with its role and written responsibility. */
@Entity({ name: 'initiative_participants' })
@Check('ck_initiative_participants_role', `role IN ('co_owner', 'partner', 'funder', 'informed')`)
export class InitiativeParticipantEntity {
  @PrimaryColumn({ type: 'uuid' })
  initiativeId: string;

  @Index('ix_initiative_participants_department_id')
  @PrimaryColumn({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'varchar', length: 20 })
  role: ParticipantRole;

  @Column({ type: 'text', nullable: true })
  responsibility: string | null;

  @ManyToOne(() => InitiativeEntity, (i) => i.participants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_initiative_participants_initiative' })
  initiative?: Relation<InitiativeEntity>;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_initiative_participants_department' })
  department?: Relation<DepartmentEntity>;
}
