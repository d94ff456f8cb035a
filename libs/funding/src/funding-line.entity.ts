import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { FUNDING_SOURCE_TYPES, type FundingSourceType, sqlList, VersionedEntity, wholeKronor } from '#common';
import { InitiativeEntity } from '#portfolio';

export { FUNDING_SOURCE_TYPES, type FundingSourceType } from '#common';

export const FUNDING_STATUSES = ['applied', 'granted', 'rejected', 'ended'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];
export const FUNDING_STATUS_LABELS: Record<FundingStatus, string> = {
  applied: 'Sökt',
  granted: 'Beviljad',
  rejected: 'Avslagen',
  ended: 'Avslutad',
};

/** What happens when the money ends. Everything but `ordinary_budget` funding is temporary money. */
export const COVERAGE_DECISIONS = [
  'undecided',
  'ordinary_budget',
  'new_external_funding',
  'extension',
  'phase_out',
  'not_needed',
] as const;
export type CoverageDecision = (typeof COVERAGE_DECISIONS)[number];

export const REPORTING_DEADLINE_KINDS = ['interim', 'final', 'claim'] as const;
export type ReportingDeadlineKind = (typeof REPORTING_DEADLINE_KINDS)[number];
export type ReportingDeadline = { date: string; kind: ReportingDeadlineKind; description: string | null };

/** A funding line (finansiering) of an initiative: who pays, how much, for which period, and what comes after. */
@Entity({ name: 'funding_lines' })
// Filtering initiatives by source type reads only this index.
@Index('ix_funding_lines_source_type_initiative_id', ['sourceType', 'initiativeId'])
// The initiative's lines by status, covering what the taken-over rule reads (INCLUDE: by hand, migration 1795458000000).
@Index('ix_funding_lines_initiative_status', { synchronize: false })
// The granted lines by end, covering the summary's running money (partial and INCLUDE: by hand, migration 1795459500000).
@Index('ix_funding_lines_granted_period_end', { synchronize: false })
// The temporary granted or ended lines by end, covering the funding cliff's choice of lines (by hand, migration 1795462000000).
@Index('ix_funding_lines_cliff', { synchronize: false })
// The paying lines (granted, or ordinary budget applied for) by end, covering the funding-gap scan (by hand, migration 1795472000000).
@Index('ix_funding_lines_paying', { synchronize: false })
// The dates of the funder's reporting deadlines (GIN over an expression, by hand, migration 1795473000000).
@Index('ix_funding_lines_deadline_dates', { synchronize: false })
@Check('ck_funding_lines_source_type', `source_type IN (${sqlList(FUNDING_SOURCE_TYPES)})`)
@Check('ck_funding_lines_status', `status IN (${sqlList(FUNDING_STATUSES)})`)
@Check('ck_funding_lines_coverage_decision', `coverage_decision IN (${sqlList(COVERAGE_DECISIONS)})`)
@Check('ck_funding_lines_period', `period_end >= period_start`)
@Check('ck_funding_lines_amount', `amount_sek BETWEEN 0 AND 1000000000000`)
@Check('ck_funding_lines_not_own_successor', `successor_funding_id IS DISTINCT FROM id`)
export class FundingLineEntity extends VersionedEntity {
  @Column({ type: 'uuid' })
  initiativeId: string;

  // Only a draft initiative can be deleted; its funding lines go with it.
  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_funding_lines_initiative' })
  initiative?: Relation<InitiativeEntity>;

  @Column({ type: 'varchar', length: 30 })
  sourceType: FundingSourceType;

  /** E.g. Länsstyrelsen Västra Götaland, MUCF, ESF-rådet, Brå. */
  @Column({ type: 'varchar', length: 200 })
  funder: string;

  /** The funder's diarienummer. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  decisionReference: string | null;

  @Column({ type: 'bigint', transformer: wholeKronor })
  amountSek: number;

  /**
   * What the line pays a month (#funding-rules' monthlyShareSql), set by a trigger as the line is written (migration
   * FundingLineMonthlyShare): the sums over thousands of lines read it instead of computing it per line.
   */
  @Column({ type: 'numeric', insert: false, update: false, select: false })
  monthlyShareSek?: string;

  @Column({ type: 'date' })
  periodStart: string;

  /** The expiry: the last day the line pays for. */
  @Index('ix_funding_lines_period_end')
  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'varchar', length: 20, default: 'applied' })
  status: FundingStatus;

  @Column({ type: 'boolean', default: false })
  renewable: boolean;

  /** The funder pays afterwards (ESF+), so the municipality pre-finances. */
  @Column({ type: 'boolean', default: false })
  paidInArrears: boolean;

  @Index('ix_funding_lines_successor_funding_id')
  @Column({ type: 'uuid', nullable: true })
  successorFundingId: string | null;

  @ManyToOne(() => FundingLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'successor_funding_id', foreignKeyConstraintName: 'fk_funding_lines_successor' })
  successor?: Relation<FundingLineEntity>;

  @Column({ type: 'varchar', length: 40, nullable: true })
  budgetProjectCode: string | null;

  // A value, not raw SQL: TypeORM compares JSON defaults by value, so the schema diff stays empty.
  @Column({ type: 'jsonb', default: [] })
  reportingDeadlines: ReportingDeadline[];

  @Column({ type: 'varchar', length: 30, default: 'undecided' })
  coverageDecision: CoverageDecision;

  @Column({ type: 'text', nullable: true })
  coverageNote: string | null;

  /** Who took the coverage decision, e.g. "Kommunstyrelsen" or a named head of department. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  coverageDecidedBy: string | null;

  @Column({ type: 'date', nullable: true })
  coverageDecidedOn: string | null;
}
