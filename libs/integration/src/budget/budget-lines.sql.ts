import { statement } from '#common';
import type { DimensionRule } from './budget-line-rules.js';

/**
 * The checked lines (`checkLines`' text) as rows: a line a row of index, amount, kind, period and the dimensions as
 * JSON, separated by tabs; the JSON both as jsonb and as text, which `checkLines` writes as jsonb prints it.
 * PostgreSQL splits it with string_to_table and split_part several times faster than it parses the same lines as one
 * jsonb document (measured 0.5 s against 1.7 s for 50,000 lines; bench/README.md, "Budget import").
 */
const field = (n: number) => `split_part(r, E'\\t', ${n})`;
const LINES = `(
  SELECT ${field(1)}::int AS "index", ${field(2)}::bigint AS "amountSek", ${field(3)}::varchar AS kind,
         ${field(4)}::date AS period, ${field(5)}::jsonb AS dimensions, ${field(5)} AS "dimensionsText"
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
 * The advisory lock that serialises budget batches, held until the batch's transaction ends: only the import writes
 * budget_lines, so under it a batch sees every line it could collide with and needs no ON CONFLICT.
 */
export const BUDGET_LINES_LOCK = 'budget_lines';

/**
 * Whether budget_lines holds any line of the given kinds and months (`$1`: `checkLines`' months as JSON), a probe of
 * the natural key's index per month. Under BUDGET_LINES_LOCK, none means every line of the batch is new.
 */
export const ANY_LINE_IN_MONTHS_SQL = statement<{ stored: boolean }>(
  `SELECT EXISTS (
     SELECT 1
       FROM jsonb_to_recordset($1::jsonb) AS m(kind varchar, period date)
       JOIN budget_lines b ON b.kind = m.kind AND b.period = m.period
   ) AS stored`,
);

/**
 * All lines as new ones, under BUDGET_LINES_LOCK when no line of their kinds and months is stored (a new month or
 * year, the usual first push): no lookup of each line on the natural key, no materialised set, no sort. Measured
 * 55–65 % of UPSERT_LINES_SQL's time for a first insert of 50,000 lines (bench/README.md, "Budget import").
 */
export const INSERT_LINES_SQL = statement<UpsertCounts>(
  `WITH inserted AS (
     INSERT INTO budget_lines (kind, period, dimensions, amount_sek)
     SELECT l.kind, l.period, l.dimensions, l."amountSek" FROM ${LINES}
     RETURNING 1
   )
   SELECT count(*)::int AS inserted, 0 AS updated FROM inserted`,
);

/**
 * Every line in one statement, under BUDGET_LINES_LOCK: each line is split once and looked up once on the natural key
 * (a read of the unique index) by the text `checkLines` wrote, which is what the index holds (jsonb's text), so no
 * line's JSON is parsed unless it is inserted (measured 460 → 240 ms for 50,000 unchanged lines, 650 → 440 ms with
 * 10 % changed; bench/README.md, "Budget import"). Were the texts ever to differ, the line would be taken for a new one
 * and the unique index would refuse it: an error, never a second row. Only the lines that differ are kept: new ones
 * go in with a plain INSERT, changed ones by id with an UPDATE. Unchanged lines are neither locked nor rewritten, and
 * no new line pays ON CONFLICT's speculative insertion (measured 10–25 % faster for a first insert; bench/README.md,
 * "Budget import"). New lines go in natural-key order, so the unique index fills page by page.
 */
export const UPSERT_LINES_SQL = statement<UpsertCounts>(
  `WITH differing AS MATERIALIZED (
     SELECT l.kind, l.period, l."dimensionsText", l."amountSek", b.id
       FROM ${LINES}
       LEFT JOIN budget_lines b
         ON b.kind = l.kind AND b.period = l.period AND ${dimensionsKey('b')} = l."dimensionsText" COLLATE "C"
      WHERE b.amount_sek IS DISTINCT FROM l."amountSek"
   ), inserted AS (
     INSERT INTO budget_lines (kind, period, dimensions, amount_sek)
     SELECT kind, period, "dimensionsText"::jsonb, "amountSek" FROM differing WHERE id IS NULL
     ORDER BY kind, period, "dimensionsText" COLLATE "C"
     RETURNING 1
   ), updated AS (
     UPDATE budget_lines b SET amount_sek = d."amountSek", updated_at = now() FROM differing d WHERE b.id = d.id
     RETURNING 1
   )
   SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM updated)::int AS updated`,
);
