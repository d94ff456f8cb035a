import { Check, Column, Entity, Index } from 'typeorm';
import { VersionedEntity } from '#common';
import type { InitiativeStatus } from '#portfolio';

/**
 * A reporting period: a year (`2025`), a half (`2025-H1`), a quarter (`2025-Q3`) or a month (`2025-05`). Checked by
 * the DTO and, as the same pattern, by the database.
 */
export const PERIOD_PATTERN = /^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
const PERIOD_SQL = `^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$`;

/** Without a scope of its own, a round asks every initiative that is under way for a report. */
export const DEFAULT_SCOPE_STATUSES: readonly InitiativeStatus[] = ['approved', 'active'];

/**
 * A reporting round (uppföljningsomgång), e.g. "Delårsrapport augusti 2025": a due date and a scope. A job creates one
 * status report per initiative in scope (initiatives whose status is one of `scopeStatuses` and, when
 * `scopeDepartmentIds` is set, whose lead department is one of them).
 */
@Entity({ name: 'reporting_rounds' })
@Check('ck_reporting_rounds_period', `period ~ '${PERIOD_SQL}'`)
@Check('ck_reporting_rounds_scope_statuses', `cardinality(scope_statuses) > 0`)
export class ReportingRoundEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Index('ix_reporting_rounds_due_date')
  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 20, array: true })
  scopeStatuses: InitiativeStatus[];

  /** Null: every lead department. */
  @Column({ type: 'uuid', array: true, nullable: true })
  scopeDepartmentIds: string[] | null;

  /** The actor id of whoever created the round. */
  @Column({ type: 'varchar', length: 200 })
  createdBy: string;

  /** The job run that creates the round's status reports (`GET /job-runs/{id}`). */
  @Column({ type: 'uuid', nullable: true })
  jobRunId: string | null;
}
