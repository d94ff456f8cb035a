import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { VersionedEntity } from '#common';

/** Levels of the governing documents, top down. A child's level is always below its parent's. */
export const GOAL_LEVELS = [
  'agenda2030',
  'focus_area',
  'priority_goal',
  'committee_goal',
  'priority_area',
  'sub_goal',
] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];

/** One node of the goal tree: Agenda 2030 → MRP goals → committee goals → roadmap priority areas → sub-goals. */
@Entity({ name: 'goals' })
@Check(
  'ck_goals_level',
  `level IN ('agenda2030', 'focus_area', 'priority_goal', 'committee_goal', 'priority_area', 'sub_goal')`,
)
@Check('ck_goals_validity', `valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from`)
@Check('ck_goals_not_own_parent', `parent_id IS DISTINCT FROM id`)
export class GoalEntity extends VersionedEntity {
  @Index('ux_goals_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Index('ix_goals_level')
  @Column({ type: 'varchar', length: 20 })
  level: GoalLevel;

  /** The governing document, e.g. "MRP 2024–2027" or "Färdplan för social hållbarhet". */
  @Index('ix_goals_framework')
  @Column({ type: 'varchar', length: 200 })
  framework: string;

  @Index('ix_goals_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_goals_parent' })
  parent?: Relation<GoalEntity>;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
