import type { EntityManager } from 'typeorm';
import { ALERT_SEVERITIES, type AlertKind } from '../alert.entity.js';
import type { ScanCounts } from './alert-scan.js';

/**
 * What a scan found as of its date: a SELECT (with its own `$1…$n` parameters) whose rows have the columns
 * `dedupe_key, severity, initiative_id, funding_id, department_id, title, detail, due_date, amount_sek`, one row
 * per cause that a person must look at. A cause found twice counts once, at its highest severity.
 */
export type Findings = { sql: string; params: unknown[] };

// Distinct from the one-number advisory locks elsewhere (PostgreSQL keeps the two-number key space apart).
const SCAN_LOCK_CLASS = 4711;

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
  await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SCAN_LOCK_CLASS, kind]);
  const n = findings.params.length;
  const [kindParam, asOfParam, ladderParam, fallsParam] = [`$${n + 1}`, `$${n + 2}::date`, `$${n + 3}::text[]`, `$${n + 4}::boolean`];
  const rank = (severity: string) => `array_position(${ladderParam}, ${severity})`;
  const [row] = await em.query(
    `WITH findings AS MATERIALIZED (
       SELECT DISTINCT ON (f.dedupe_key) f.*
         FROM (${findings.sql}) f
        ORDER BY f.dedupe_key, ${rank('f.severity')} DESC
     ),
     known AS (
       SELECT a.id, a.severity FROM alerts a JOIN findings f ON f.dedupe_key = a.dedupe_key WHERE a.status <> 'resolved'
     ),
     upserted AS (
       INSERT INTO alerts AS a (kind, severity, status, dedupe_key, initiative_id, funding_id, department_id, title, detail, due_date, amount_sek, last_seen_on)
       SELECT ${kindParam}, f.severity, 'open', f.dedupe_key, f.initiative_id, f.funding_id, f.department_id, f.title, f.detail, f.due_date, f.amount_sek, ${asOfParam}
         FROM findings f
        ORDER BY f.dedupe_key
       ON CONFLICT (dedupe_key) WHERE status <> 'resolved' DO UPDATE SET
         severity = CASE WHEN ${rank('EXCLUDED.severity')} > ${rank('a.severity')} OR ${fallsParam} THEN EXCLUDED.severity ELSE a.severity END,
         status = CASE WHEN ${rank('EXCLUDED.severity')} > ${rank('a.severity')} THEN 'open' ELSE a.status END,
         escalated_at = CASE WHEN ${rank('EXCLUDED.severity')} > ${rank('a.severity')} THEN now() ELSE a.escalated_at END,
         title = EXCLUDED.title,
         detail = EXCLUDED.detail,
         due_date = EXCLUDED.due_date,
         amount_sek = EXCLUDED.amount_sek,
         last_seen_on = GREATEST(a.last_seen_on, EXCLUDED.last_seen_on),
         version = a.version + 1,
         updated_at = now()
       WHERE ${rank('EXCLUDED.severity')} > ${rank('a.severity')}
          OR (${fallsParam} AND EXCLUDED.severity <> a.severity)
          OR (a.title, a.detail, a.due_date, a.amount_sek) IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.detail, EXCLUDED.due_date, EXCLUDED.amount_sek)
          OR EXCLUDED.last_seen_on > a.last_seen_on
       RETURNING a.id, a.severity, (a.xmax = 0) AS inserted
     ),
     resolved AS (
       UPDATE alerts a
          SET status = 'resolved', resolved_at = now(), version = a.version + 1, updated_at = now()
        WHERE a.kind = ${kindParam} AND a.status <> 'resolved'
          AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.dedupe_key = a.dedupe_key)
       RETURNING a.id
     )
     SELECT (SELECT count(*) FROM upserted WHERE inserted)::int AS raised,
            (SELECT count(*) FROM upserted u JOIN known k ON k.id = u.id WHERE ${rank('u.severity')} > ${rank('k.severity')})::int AS escalated,
            (SELECT count(*) FROM resolved)::int AS resolved`,
    [...findings.params, kind, asOf, ALERT_SEVERITIES, severityFollowsCause],
  );
  return row as ScanCounts;
}
