import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  type Relation,
} from 'typeorm';
import { sqlList, VersionedEntity, wholeKronor } from '#common';
import { GoalEntity } from '#goals';
import { DepartmentEntity, DistrictEntity, TargetGroupEntity } from '#reference-data';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../lifecycle/initiative-lifecycle.js';
import { InitiativeParticipantEntity } from './initiative-participant.entity.js';

export const INITIATIVE_KINDS = ['project', 'method', 'agreement', 'ordinary_operation'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
export const INITIATIVE_KIND_LABELS: Record<InitiativeKind, string> = {
  project: 'Projekt',
  method: 'Metod',
  agreement: 'Överenskommelse',
  ordinary_operation: 'Ordinarie verksamhet',
};

export const EVIDENCE_BASES = ['national_method', 'research_based', 'local_development', 'unknown'] as const;
export type EvidenceBase = (typeof EVIDENCE_BASES)[number];

export const FOLLOW_UP_FREQUENCIES = ['monthly', 'quarterly', 'biannual', 'annual'] as const;
export type FollowUpFrequency = (typeof FOLLOW_UP_FREQUENCIES)[number];

/** The staff member who owns the process: a name, a title and a work e-mail (the only personal data held). */
export type ProcessOwner = { name: string; title: string | null; email: string | null };

export type FollowUpPlan = {
  method: string;
  frequency: FollowUpFrequency;
  responsible: string;
  firstReportDue: string | null;
  indicatorIds: string[];
};

/** An initiative (insats/projekt): the unit of the portfolio. */
@Entity({ name: 'initiatives' })
@Check('ck_initiatives_kind', `kind IN (${sqlList(INITIATIVE_KINDS)})`)
@Check('ck_initiatives_status', `status IN (${sqlList(INITIATIVE_STATUSES)})`)
@Check('ck_initiatives_evidence_base', `evidence_base IN (${sqlList(EVIDENCE_BASES)})`)
@Check('ck_initiatives_dates', `end_date IS NULL OR start_date IS NULL OR end_date >= start_date`)
@Check('ck_initiatives_annual_cost', `annual_cost_sek IS NULL OR annual_cost_sek BETWEEN 0 AND 1000000000000`)
// Indexes entities cannot express (GIN, DESC NULLS LAST), created by hand-written SQL (FoundationSql migration);
// declared here so schema comparison leaves them alone.
@Index('ix_initiatives_search_vector', { synchronize: false })
@Index('ix_initiatives_search_trgm', { synchronize: false })
@Index('ix_initiatives_start_date_desc', { synchronize: false })
// Approved or active initiatives, covering what the funding cliff reads (partial, INCLUDE: migrations 1795464000000
// and 1795466000000).
@Index('ix_initiatives_followed', { synchronize: false })
// By lead department, with the id: a department's initiatives without reading the heap (INCLUDE: migration 1795468000000).
@Index('ix_initiatives_lead_department_id', { synchronize: false })
export class InitiativeEntity extends VersionedEntity {
  @Index('ux_initiatives_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /**
   * Swedish full text over code, title and summary, kept current by a trigger (FoundationSql migration). Stored
   * so a search rechecks a candidate row without stemming its text again. (Not a TypeORM generated column: TypeORM
   * records those under the database's name, which a copied test database does not share.)
   */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string;

  @Column({ type: 'varchar', length: 30 })
  kind: InitiativeKind;

  @Index('ix_initiatives_status')
  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: InitiativeStatus;

  @Column({ type: 'uuid', nullable: true })
  leadDepartmentId: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_department_id', foreignKeyConstraintName: 'fk_initiatives_lead_department' })
  leadDepartment?: Relation<DepartmentEntity>;

  @OneToMany(() => InitiativeParticipantEntity, (p) => p.initiative)
  participants?: Relation<InitiativeParticipantEntity[]>;

  @Column({ type: 'jsonb', nullable: true })
  processOwner: ProcessOwner | null;

  @ManyToMany(() => GoalEntity)
  @JoinTable({
    name: 'initiative_goals',
    joinColumn: { name: 'initiative_id', foreignKeyConstraintName: 'fk_initiative_goals_initiative' },
    inverseJoinColumn: { name: 'goal_id', foreignKeyConstraintName: 'fk_initiative_goals_goal' },
  })
  goals?: Relation<GoalEntity[]>;

  @ManyToMany(() => TargetGroupEntity)
  @JoinTable({
    name: 'initiative_target_groups',
    joinColumn: { name: 'initiative_id', foreignKeyConstraintName: 'fk_initiative_target_groups_initiative' },
    inverseJoinColumn: {
      name: 'target_group_id',
      foreignKeyConstraintName: 'fk_initiative_target_groups_target_group',
    },
  })
  targetGroups?: Relation<TargetGroupEntity[]>;

  @ManyToMany(() => DistrictEntity)
  @JoinTable({
    name: 'initiative_districts',
    joinColumn: { name: 'initiative_id', foreignKeyConstraintName: 'fk_initiative_districts_initiative' },
    inverseJoinColumn: { name: 'district_id', foreignKeyConstraintName: 'fk_initiative_districts_district' },
  })
  districts?: Relation<DistrictEntity[]>;

  @Index('ix_initiatives_start_date')
  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: wholeKronor })
  annualCostSek: number | null;

  @Column({ type: 'varchar', length: 30, default: 'unknown' })
  evidenceBase: EvidenceBase;

  /** The `projekt` part of the account coding string the budget system books this initiative on. */
  @Index('ix_initiatives_budget_project_code')
  @Column({ type: 'varchar', length: 40, nullable: true })
  budgetProjectCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  followUpPlan: FollowUpPlan | null;
}
