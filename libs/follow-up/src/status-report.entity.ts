import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { sqlList, VersionedEntity, wholeKronor } from '#common';
import { InitiativeEntity } from '#portfolio';
import { DepartmentEntity } from '#reference-data';
import { ReportingRoundEntity } from './reporting-round.entity.js';

/** `pending` → `submitted` → `approved` | `returned`; a returned report is submitted again. */
export const STATUS_REPORT_STATUSES = ['pending', 'submitted', 'approved', 'returned'] as const;
export type StatusReportStatus = (typeof STATUS_REPORT_STATUSES)[number];

export const RAG_STATUSES = ['green', 'amber', 'red'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

/** One initiative's report in one round. */
@Entity({ name: 'status_reports' })
@Index('ux_status_reports_round_initiative', ['roundId', 'initiativeId'], { unique: true })
@Index('ix_status_reports_round_department', ['roundId', 'departmentId'])
@Check('ck_status_reports_status', `status IN (${sqlList(STATUS_REPORT_STATUSES)})`)
@Check('ck_status_reports_rag_status', `rag_status IN (${sqlList(RAG_STATUSES)})`)
@Check('ck_status_reports_spending', `spending_to_date_sek BETWEEN 0 AND 1000000000000`)
export class StatusReportEntity extends VersionedEntity {
  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => ReportingRoundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'fk_status_reports_round' })
  round?: Relation<ReportingRoundEntity>;

  @Index('ix_status_reports_initiative_id')
  @Column({ type: 'uuid' })
  initiativeId: string;

  // Only a draft initiative can be deleted (a round scoped to drafts); its reports go with it, like its funding lines.
  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_status_reports_initiative' })
  initiative?: Relation<InitiativeEntity>;

  /** The lead department when the report was created: completion and reminders are counted for it. */
  @Index('ix_status_reports_department_id')
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_status_reports_department' })
  department?: Relation<DepartmentEntity>;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: StatusReportStatus;

  @Column({ type: 'varchar', length: 5, nullable: true })
  ragStatus: RagStatus | null;

  @Column({ type: 'text', nullable: true })
  progress: string | null;

  @Column({ type: 'text', nullable: true })
  risks: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: wholeKronor })
  spendingToDateSek: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  submittedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Why leadership returned it; kept while the department completes it, cleared on approval. */
  @Column({ type: 'text', nullable: true })
  returnComment: string | null;
}
