import type { EntityManager } from 'typeorm';

/** The scans the worker runs; each judges the portfolio as of one calendar day (`asOf`, YYYY-MM-DD). */
export const SCAN_NAMES = [
  'grant_expiring',
  'grant_expired_initiative_active',
  'funder_report_due',
  'funding_gap',
  'follow_up_overdue',
  'follow_up_plan_missing',
  'baseline_missing',
  'decision_follow_up_due',
  'overspending',
] as const;
export type ScanName = (typeof SCAN_NAMES)[number];

export type ScanCounts = { raised: number; escalated: number; resolved: number };

/**
 * One scan: set-based SQL that raises, escalates and resolves alerts of its kind, idempotent for the same `asOf`.
 * Runs in the caller's transaction.
 */
export interface AlertScan {
  readonly name: ScanName;
  run(em: EntityManager, asOf: string): Promise<ScanCounts>;
}
