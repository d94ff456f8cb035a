import { bound, statement, type BoundStatement } from '#common';
import { ALERT_SEVERITIES, type AlertKind, type AlertSeverity } from '../alert.entity.js';
import type { ScanCounts } from './alert-scan.js';

/** A cause a scan found, one row per cause that a person must look at (see Findings). */
export type FindingRow = {
  dedupe_key: string;
  severity: AlertSeverity;
  initiative_id: string | null;
  funding_id: string | null;
  department_id: string | null;
  title: string;
  detail: string | null;
  due_date: string | null;
  amount_sek: string | number | null;
};

/**
 * What a scan found as of its date: a SELECT (with its own `$1…$n` parameters) answering FindingRow. A cause found
 * twice counts once, at its highest severity.
 */
export type Findings = BoundStatement<FindingRow>;

// Distinct from the one-number advisory locks elsewhere (PostgreSQL keeps the two-number key space apart).
const SCAN_LOCK_CLASS = 4711;

/** One scan kind at a time (see applyFindings): `$1` the kind. */
export const SCAN_LOCK_SQL = statement<never>(`SELECT pg_advisory_xact_lock(${SCAN_LOCK_CLASS}, hashtext($1))`);

/**
 * A scan sorts and aggregates tens of thousands of findings with their Swedish texts; at a million funding lines the
 * default 4 MB spilled them to disk (bench/README.md). For the scan's transaction only, and one scan runs at a time.
 */
export const SCAN_WORK_MEM_SQL = statement<never>(`SET LOCAL work_mem = '64MB'`);

/** The work statement of applyFindings: the findings' parameters first, then the kind, the day, the ladder and whether severity falls. */
export function applyFindingsSql(
  kind: AlertKind,
  asOf: string,
  findings: Findings,
  severityFollowsCause: boolean,
): BoundStatement<ScanCounts> {
  const n = findings.params.length;
  const [kindParam, asOfParam, ladderParam, fallsParam] = [
    `$${n + 1}`,
    `$${n + 2}::date`,
    `$${n + 3}::text[]`,
    `$${n + 4}::boolean`,
  ];
  const rank = (severity: string) => `array_position(${ladderParam}, ${severity})`;
  return bound(
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
}
