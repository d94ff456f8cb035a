import { statement } from '#common';
import type { CheckedLine, DimensionRule } from './budget-line-rules.js';

/**
 * The checked lines as one text parameter, a line a row: index, kind, period, amount and the dimensions as JSON,
 * separated by tabs. Unambiguous: no field holds a tab or a newline (codes hold no control characters, and JSON
 * escapes them). PostgreSQL splits it with string_to_table and split_part several times faster than it parses the
 * same lines as one jsonb document (measured 0.5 s against 1.7 s for 50,000 lines; bench/README.md, "Budget import").
 */
export const linesParameter = (lines: readonly CheckedLine[]) =>
  lines.map((l) => `${l.index}\t${l.kind}\t${l.period}\t${l.amountSek}\t${JSON.stringify(l.dimensions)}`).join('\n');
const field = (n: number) => `split_part(r, E'\\t', ${n})`;
const LINES = `(
  SELECT ${field(1)}::int AS "index", ${field(2)}::varchar AS kind, ${field(3)}::date AS period,
         ${field(4)}::bigint AS "amountSek", ${field(5)}::jsonb AS dimensions
    FROM string_to_table($1, E'\\n') AS r
) AS l`;

export type UpsertCounts = { inserted: number; updated: number };

/** The dimensions, in order, FOR SHARE: they cannot change while a batch is checked against them and written. */
export const DIMENSION_RULES_SQL = statement<DimensionRule>(
  `SELECT code, required FROM budget_dimensions ORDER BY position FOR SHARE`,
);

/**
 * The listed code `c` is valid in every month from `first` to `last` (months' first days): its validity, one interval,
 * overlaps the first month and the last one, and so every month between.
 */
const codeValidFromTo = (c: string, first: string, last: string) =>
  `${c}.code IS NOT NULL AND coalesce(${c}.valid_from, '-infinity') <= (${first} + interval '1 month' - interval '1 day')::date
   AND coalesce(${c}.valid_to, 'infinity') >= ${last}`;

/**
 * Whether any code of a validating dimension is unknown or not valid in some month it is used in, judged on the
 * batch's distinct codes and the span of months each is used in (`checkLines`' uses): the common case, a clean batch, costs a
 * few thousand lookups instead of one per line and dimension (bench/README.md, "Budget import"). `$1`: the uses as JSON.
 */
export const ANY_CODE_ERROR_SQL = statement<{ bad: boolean }>(
  `SELECT EXISTS (
     SELECT 1
       FROM jsonb_to_recordset($1::jsonb) AS u(dimension text, code text, first date, last date)
       JOIN budget_dimensions d ON d.code = u.dimension AND d.validates_codes
       LEFT JOIN budget_dimension_codes c ON c.dimension_code = u.dimension AND c.code = u.code
      WHERE NOT (${codeValidFromTo('c', 'u.first', 'u.last')})
   ) AS bad`,
);

/**
 * The codes of validating dimensions that the lines use but that are not listed, or not valid in the line's month
 * (valid if the code's validity overlaps the month at all), in one statement: lines × validating dimensions, joined
 * to the codes. Answers the first `$2` by line and dimension position, each with the total count (bigint, as text).
 */
export const CODE_ERRORS_SQL = statement<{
  idx: number;
  dimension: string;
  code: string;
  known: boolean;
  total: string;
}>(
  `WITH line AS (
     SELECT l."index" AS idx, l.period, l.dimensions FROM ${LINES}
   ), used AS (
     SELECT line.idx, line.period, d.code AS dimension, d.position, line.dimensions ->> d.code AS code
     FROM line JOIN budget_dimensions d ON d.validates_codes AND line.dimensions ? d.code
   )
   SELECT used.idx, used.dimension, used.code, c.code IS NOT NULL AS known, count(*) OVER () AS total
   FROM used
   LEFT JOIN budget_dimension_codes c ON c.dimension_code = used.dimension AND c.code = used.code
   WHERE NOT (${codeValidFromTo('c', 'used.period', 'used.period')})
   ORDER BY used.idx, used.position
   LIMIT $2`,
);

/**
 * The derived part of the natural key, as the unique index holds it (migration BudgetLinesTextKey): the dimensions'
 * jsonb text, canonical whatever order the keys were sent in, compared bytewise. `t` is the row's alias.
 */
const dimensionsKey = (t: string) => `(${t}.dimensions::text) COLLATE "C"`;

/**
 * Room for a batch's sorts and its lines' tuplestore (about 15 MB for 50,000 lines) in memory rather than on disk,
 * for the batch's transaction only.
 */
export const BATCH_WORK_MEM_SQL = statement<never>(`SET LOCAL work_mem = '64MB'`);

/**
 * Every line in one statement, upserted on its natural key. A line whose amount is already stored is left out before
 * the insert (the NOT EXISTS, a read of the unique index): ON CONFLICT would lock and so dirty every such row, which
 * made a resend of unchanged lines cost as much as writing them. The conflict clause still decides the rest (a line
 * another batch inserted or changed meanwhile); `xmax = 0` marks a row this statement inserted. Rows go in
 * natural-key order, so two batches touching the same lines lock them in the same order and cannot deadlock.
 */
export const UPSERT_LINES_SQL = statement<UpsertCounts>(
  `WITH written AS (
     INSERT INTO budget_lines (kind, period, dimensions, amount_sek)
     SELECT kind, period, dimensions, "amountSek" FROM ${LINES}
     WHERE NOT EXISTS (
       SELECT 1 FROM budget_lines b
       WHERE b.kind = l.kind AND b.period = l.period AND ${dimensionsKey('b')} = ${dimensionsKey('l')}
         AND b.amount_sek = l."amountSek"
     )
     ORDER BY kind, period, ${dimensionsKey('l')}
     ON CONFLICT (kind, period, (dimensions::text) COLLATE "C") DO UPDATE SET amount_sek = EXCLUDED.amount_sek, updated_at = now()
       WHERE budget_lines.amount_sek IS DISTINCT FROM EXCLUDED.amount_sek
     RETURNING xmax = 0 AS inserted
   )
   SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
);
