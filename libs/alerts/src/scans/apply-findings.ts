import type { EntityManager } from 'typeorm';
import { execute, queryOne } from '#common';
import type { AlertKind } from '../alert.entity.js';
import type { ScanCounts } from './alert-scan.js';
import { applyFindingsSql, SCAN_LOCK_SQL, SCAN_WORK_MEM_SQL, type Findings } from './apply-findings.sql.js';

export type { FindingRow, Findings } from './apply-findings.sql.js';

/**
 * Brings the alerts of one kind in line with a scan's findings, set-based, in the caller's transaction:
 * - a new cause raises an open alert;
 * - a known cause refreshes its title, detail, due date, amount and last_seen_on; its severity only ever rises, and
 *   when it rises (escalated_at) an acknowledged or dismissed alert reopens as open, because the escalation asks
 *   someone to look again; otherwise it keeps its status, so a dismissal sticks until the severity rises. With
 *   `severityFollowsCause` (a severity that measures the cause, such as a funding gap's size) it also falls with the
 *   cause, keeping its status: a smaller problem asks nobody to look again;
 * - an unresolved alert of this kind whose cause is no longer found is resolved (dismissed ones too: the cause is
 *   gone, and should it come back it is a new alert).
 * Nothing is written for a cause that is unchanged, so running the same scan twice changes no row and counts 0.
 *
 * Two runs of the same kind at once would each see the other's work half done (a resolve racing an insert, or two
 * inserts of one key waiting on each other in different orders). A transaction-scoped advisory lock per kind makes
 * them take turns; the lock is taken in a statement of its own so that, under READ COMMITTED, the work statement's
 * snapshot is taken after it and sees what the other run committed. The unique partial index on dedupe_key is the
 * backstop: even without the lock a key can have only one unresolved alert.
 */
export async function applyFindings(
  em: EntityManager,
  kind: AlertKind,
  asOf: string,
  findings: Findings,
  { severityFollowsCause = false }: { severityFollowsCause?: boolean } = {},
): Promise<ScanCounts> {
  await execute(em, SCAN_LOCK_SQL, [kind]);
  await execute(em, SCAN_WORK_MEM_SQL);
  return queryOne(em, applyFindingsSql(kind, asOf, findings, severityFollowsCause));
}
