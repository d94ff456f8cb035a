import { Check, Column, Entity, Index } from 'typeorm';
import { sqlList, VersionedEntity } from '#common';

export const ALERT_KINDS = [
  'grant_expiring',
  'grant_expired_initiative_active',
  'funding_gap',
  'funder_report_due',
  'follow_up_overdue',
  'follow_up_plan_missing',
  'baseline_missing',
  'possible_overlap',
  'decision_follow_up_due',
  'overspending',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Ordered: a later severity is higher. An alert only climbs, but for one whose severity measures its cause (a funding gap's size). */
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/**
 * Something a scan found that a person must look at. One unresolved alert per dedupe key (kind + subject): a scan
 * run twice raises nothing twice, a later scan escalates the same row, and a scan that finds the cause gone
 * resolves it. A dismissed alert keeps its key, so it stays dismissed unless its severity rises.
 */
@Entity({ name: 'alerts' })
@Check('ck_alerts_kind', `kind IN (${sqlList(ALERT_KINDS)})`)
@Check('ck_alerts_severity', `severity IN (${sqlList(ALERT_SEVERITIES)})`)
@Check('ck_alerts_status', `status IN (${sqlList(ALERT_STATUSES)})`)
@Index('ux_alerts_dedupe_key_unresolved', ['dedupeKey'], { unique: true, where: `status <> 'resolved'` })
// The portfolio summary counts the open alerts by kind and severity from this index alone.
@Index('ix_alerts_open_by_kind', ['kind', 'severity', 'initiativeId'], {
  where: `status IN ('open', 'acknowledged') AND initiative_id IS NOT NULL`,
})
export class AlertEntity extends VersionedEntity {
  @Index('ix_alerts_kind')
  @Column({ type: 'varchar', length: 40 })
  kind: AlertKind;

  @Column({ type: 'varchar', length: 10 })
  severity: AlertSeverity;

  @Index('ix_alerts_status')
  @Column({ type: 'varchar', length: 15, default: 'open' })
  status: AlertStatus;

  /** Kind and subject, e.g. `grant_expiring:<funding line id>`. */
  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Index('ix_alerts_initiative_id')
  @Column({ type: 'uuid', nullable: true })
  initiativeId: string | null;

  @Column({ type: 'uuid', nullable: true })
  fundingId: string | null;

  /** The lead department when the alert was raised, for filtering and for who is told. */
  @Index('ix_alerts_department_id')
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  detail: string;

  /** The date the alert is about: a grant's end, a report's deadline. */
  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  /** Kronor the alert is about, where it is about money (a funding gap). */
  @Column({ type: 'bigint', nullable: true })
  amountSek: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  firstRaisedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  /** The scan date (`asOf`) that last found the cause. */
  @Column({ type: 'date' })
  lastSeenOn: string;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  acknowledgedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  dismissedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dismissedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  dismissReason: string | null;
}
