import { sqlList, statement } from '#common';
import { GRANTED_FUNDING_STATUSES, monthlyShareSql, takenOverJoinSql } from '#funding-rules';
import type { FundingCliffDto } from './funding-cliff.dto.js';

/**
 * One statement. A cliff line is temporary money (not ordinary_budget) that was granted (GRANTED_FUNDING_STATUSES)
 * and that nothing fully takes over (takenOverJoinSql: an explicit successor, or granted lines of the initiative
 * starting by the day after its end), of an approved or active initiative that is meant to run past the line's end.
 * What others take over of a line is not counted: `notTakenOverSek` is the rest. Lines with a recorded coverage
 * decision are listed (the group sees what was decided) but not counted. The uncovered annual cost is measured on
 * the first day after the cliff month (for cliffs before the window: on its first day) against the initiative's
 * other granted lines running that day; 0 when every line of the entry is decided.
 *
 * `from` and `months` are placeholders (the first month's first day, the number of months). The portfolio summary
 * narrows the cliff to its filtered initiatives: `ctes` (ending in a comma) go first after `WITH RECURSIVE`, and
 * `initiativeScope` is a condition on the initiative `i`.
 */
export function buildFundingCliffSql(opts: FundingCliffSqlOptions): string {
  return `${fundingCliffCtes(opts)},
${CLIFF_REPORT}`;
}

export type FundingCliffSqlOptions = {
  from: string;
  months: string;
  ctes?: string;
  initiativeScope?: string;
  withEarlier?: boolean;
};

/**
 * The cliff's CTEs, ending with `initiative_years` (year, initiative_id, ending_sek, coverage_decided, uncovered, …): the
 * report's statement, and the portfolio summary's totals of one budget year, which skips the cliffs before the window
 * (`withEarlier: false`) and the per-month listing.
 */
export function fundingCliffCtes(opts: FundingCliffSqlOptions): string {
  return `
WITH RECURSIVE ${opts.ctes ?? ''}
bounds AS (
  SELECT ${opts.from}::date AS first_month, (${opts.from}::date + make_interval(months => ${opts.months}::int))::date AS after_last
),
cliff_lines AS (
  SELECT f.initiative_id, f.period_end, f.coverage_decision, t.not_taken_over_sek,
         date_trunc('month', f.period_end)::date AS month,
         jsonb_build_object('id', f.id, 'sourceType', f.source_type, 'funder', f.funder, 'amountSek', f.amount_sek,
                            'notTakenOverSek', t.not_taken_over_sek, 'periodEnd', f.period_end, 'coverageDecision', f.coverage_decision) AS line
    FROM funding_lines f
    JOIN initiatives i ON i.id = f.initiative_id
    CROSS JOIN bounds b
    ${takenOverJoinSql('f', 't')}
   WHERE f.source_type <> 'ordinary_budget'
     AND f.status IN (${sqlList(GRANTED_FUNDING_STATUSES)})
     AND f.period_end < b.after_last
     AND i.status IN ('approved', 'active')${opts.initiativeScope ? `\n     AND ${opts.initiativeScope}` : ''}
     AND (i.end_date IS NULL OR i.end_date > f.period_end)
     AND (f.period_end >= b.first_month${opts.withEarlier === false ? '' : ` OR f.coverage_decision = 'undecided'`})
     AND t.share < 1
),
slotted AS (
  -- slot: the cliff month inside the window; NULL for a cliff before it.
  SELECT c.*, CASE WHEN c.month >= b.first_month THEN c.month END AS slot,
         CASE WHEN c.month >= b.first_month THEN (c.month + interval '1 month')::date ELSE b.first_month END AS measured_on
    FROM cliff_lines c CROSS JOIN bounds b
),
entries AS (
  SELECT s.initiative_id, s.slot, s.measured_on,
         bool_and(s.coverage_decision <> 'undecided') AS coverage_decided,
         COALESCE(sum(s.not_taken_over_sek) FILTER (WHERE s.coverage_decision = 'undecided'), 0) AS ending_sek,
         jsonb_agg(s.line ORDER BY s.period_end, s.line->>'id') AS lines
    FROM slotted s
   GROUP BY s.initiative_id, s.slot, s.measured_on
),
costed AS (
  SELECT e.*, i.code,
         CASE WHEN i.annual_cost_sek IS NULL THEN NULL
              WHEN e.coverage_decided THEN 0
              ELSE GREATEST(0, i.annual_cost_sek - COALESCE(cover.per_year, 0))::bigint END AS uncovered,
         jsonb_build_object(
           'id', i.id, 'code', i.code, 'title', i.title, 'annualCostSek', i.annual_cost_sek,
           'leadDepartment', CASE WHEN d.id IS NULL THEN NULL ELSE jsonb_build_object('id', d.id, 'code', d.code, 'name', d.name) END
         ) AS info
    FROM entries e
    JOIN initiatives i ON i.id = e.initiative_id
    LEFT JOIN departments d ON d.id = i.lead_department_id
    CROSS JOIN LATERAL (
      SELECT round(sum(${monthlyShareSql('o')} * 12)) AS per_year
        FROM funding_lines o
       WHERE o.initiative_id = e.initiative_id AND o.status = 'granted'
         AND o.period_start <= e.measured_on AND o.period_end >= e.measured_on
    ) cover
),
items AS (
  SELECT c.*, c.info || jsonb_build_object('lines', c.lines, 'coverageDecided', c.coverage_decided, 'uncoveredAnnualCostSek', c.uncovered) AS item
    FROM costed c
),
-- Per budget year and initiative: the undecided lines' kronor, and the uncovered cost after its last undecided cliff
-- of the year (what it takes to keep it going into the next one); 0 when all of its cliffs of the year are decided.
initiative_years AS (
  SELECT date_part('year', x.slot)::int AS year, x.initiative_id, min(x.code) AS code,
         sum(x.ending_sek) AS ending_sek,
         bool_and(x.coverage_decided) AS coverage_decided,
         (array_agg(x.uncovered ORDER BY x.coverage_decided, x.slot DESC))[1] AS uncovered,
         (array_agg(x.info))[1] AS info,
         (SELECT jsonb_agg(l ORDER BY l->>'periodEnd', l->>'id') FROM jsonb_array_elements(jsonb_agg(x.lines)) AS ls(a), jsonb_array_elements(ls.a) AS l) AS lines
    FROM costed x
   WHERE x.slot IS NOT NULL
   GROUP BY 1, 2
)`;
}

/**
 * What a set of cliff entries (rows of `items` or `initiative_years`, aliased `entry`) adds up to: the one rule for
 * "ending without a decision on what happens next" that the cliff's months, budget years and earlier cliffs, the
 * portfolio summary and the review pack all show. An initiative counts as undecided when any of its lines ending
 * there is undecided; the kronor are those undecided lines' kronor not taken over and the uncovered annual cost of the
 * undecided initiatives (a decided entry adds 0 to both); an initiative whose lines there are all decided is counted
 * apart. Aggregates, for a `jsonb_build_object` over a GROUP BY (a LEFT JOIN's empty side counts nothing).
 */
export function cliffTotalsSql(entry: string) {
  return {
    fundingEndingSek: `COALESCE(sum(${entry}.ending_sek), 0)::bigint`,
    uncoveredAnnualCostSek: `COALESCE(sum(${entry}.uncovered), 0)::bigint`,
    initiativesUndecided: `(count(${entry}.initiative_id) FILTER (WHERE NOT ${entry}.coverage_decided))::int`,
    initiativesCoverageDecided: `(count(${entry}.initiative_id) FILTER (WHERE ${entry}.coverage_decided))::int`,
  };
}

const totalsObject = (entry: string) =>
  `jsonb_build_object(${Object.entries(cliffTotalsSql(entry))
    .map(([key, sql]) => `'${key}', ${sql}`)
    .join(', ')})`;

/** The report: month by month, per budget year, and the cliffs before the window still open. */
const CLIFF_REPORT = `month_rows AS (
  SELECT g.m::date AS month,
         ${totalsObject('i')} AS totals,
         COALESCE(jsonb_agg(i.item ORDER BY i.coverage_decided, i.uncovered DESC NULLS LAST, i.code) FILTER (WHERE i.initiative_id IS NOT NULL), '[]') AS initiatives
    FROM bounds b
    CROSS JOIN generate_series(b.first_month, b.after_last - interval '1 month', interval '1 month') AS g(m)
    LEFT JOIN items i ON i.slot = g.m::date
   GROUP BY g.m
),
year_rows AS (
  SELECT y.year,
         ${totalsObject('iy')} AS totals,
         COALESCE(jsonb_agg(iy.info || jsonb_build_object('lines', iy.lines, 'coverageDecided', iy.coverage_decided, 'uncoveredAnnualCostSek', iy.uncovered)
                            ORDER BY iy.coverage_decided, iy.uncovered DESC NULLS LAST, iy.code) FILTER (WHERE iy.initiative_id IS NOT NULL), '[]') AS initiatives
    FROM (SELECT DISTINCT date_part('year', month)::int AS year FROM month_rows) y
    LEFT JOIN initiative_years iy ON iy.year = y.year
   GROUP BY y.year
),
earlier AS (
  SELECT * FROM items WHERE slot IS NULL AND (uncovered IS NULL OR uncovered > 0)
)
SELECT
  to_char((SELECT first_month FROM bounds), 'YYYY-MM') AS "from",
  to_char((SELECT after_last FROM bounds) - interval '1 month', 'YYYY-MM') AS "to",
  (SELECT jsonb_agg(jsonb_build_object('month', to_char(month, 'YYYY-MM'), 'initiatives', initiatives) || totals ORDER BY month) FROM month_rows) AS months,
  (SELECT jsonb_agg(jsonb_build_object('year', year, 'initiatives', initiatives) || totals ORDER BY year) FROM year_rows) AS "budgetYears",
  (SELECT jsonb_build_object('initiatives', COALESCE(jsonb_agg(e.item ORDER BY e.uncovered DESC NULLS LAST, e.code), '[]')) || ${totalsObject('e')}
     FROM earlier e) AS "endedEarlier"
`;

/** The report GET /funding/cliff answers: `$1` the first month's first day, `$2` the number of months. */
export const FUNDING_CLIFF_SQL = statement<FundingCliffDto>(buildFundingCliffSql({ from: '$1', months: '$2' }));
