import type { EntityManager } from 'typeorm';
import type { CheckedLine } from './budget-line-rules.js';

/**
 * The checked lines as one jsonb parameter, read back with jsonb_to_recordset: one parse in PostgreSQL, measured
 * faster for 50,000 lines than four arrays through unnest (whose jsonb[] literal must be escaped and parsed twice).
 */
export const linesParameter = (lines: readonly CheckedLine[]) => JSON.stringify(lines);
const LINES = `jsonb_to_recordset($1::jsonb) AS l("index" int, kind varchar, period date, "amountSek" bigint, dimensions jsonb)`;

export type CodeError = { index: number; dimension: string; code: string; known: boolean; total: number };
export type UpsertCounts = { inserted: number; updated: number };

/**
 * The codes of validating dimensions that the lines use but that are not listed, or not valid in the line's month
 * (valid if the code's validity overlaps the month at all), in one statement: lines × validating dimensions, joined
 * to the codes. Returns the first `limit` by line and dimension position, each with the total count.
 */
export async function findCodeErrors(em: EntityManager, lines: string, limit: number): Promise<CodeError[]> {
  const rows: { idx: number; dimension: string; code: string; known: boolean; total: string }[] = await em.query(
    `WITH line AS (
       SELECT l."index" AS idx, l.period, l.dimensions FROM ${LINES}
     ), used AS (
       SELECT line.idx, line.period, d.code AS dimension, d.position, line.dimensions ->> d.code AS code
       FROM line JOIN budget_dimensions d ON d.validates_codes AND line.dimensions ? d.code
     )
     SELECT used.idx, used.dimension, used.code, c.code IS NOT NULL AS known, count(*) OVER () AS total
     FROM used
     LEFT JOIN budget_dimension_codes c ON c.dimension_code = used.dimension AND c.code = used.code
     WHERE c.code IS NULL
        OR coalesce(c.valid_from, '-infinity') > (used.period + interval '1 month' - interval '1 day')::date
        OR coalesce(c.valid_to, 'infinity') < used.period
     ORDER BY used.idx, used.position
     LIMIT $2`,
    [lines, limit],
  );
  return rows.map((r) => ({ index: r.idx, dimension: r.dimension, code: r.code, known: r.known, total: Number(r.total) }));
}

/**
 * Every line in one statement, upserted on its natural key. A line whose amount is already stored is left alone (the
 * WHERE), so it is neither rewritten nor returned; `xmax = 0` marks a row this statement inserted. Rows go in
 * natural-key order, so two batches touching the same lines lock them in the same order and cannot deadlock.
 */
export async function upsertLines(em: EntityManager, lines: string): Promise<UpsertCounts> {
  const [counts]: UpsertCounts[] = await em.query(
    `WITH written AS (
       INSERT INTO budget_lines (kind, period, dimensions, amount_sek)
       SELECT kind, period, dimensions, "amountSek" FROM ${LINES}
       ORDER BY kind, period, dimensions
       ON CONFLICT (kind, period, dimensions) DO UPDATE SET amount_sek = EXCLUDED.amount_sek, updated_at = now()
         WHERE budget_lines.amount_sek IS DISTINCT FROM EXCLUDED.amount_sek
       RETURNING xmax = 0 AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
    [lines],
  );
  return counts;
}
