/**
 * How fast an initiative spends its funding, from the budget system's actuals: the rule the finance view
 * (#integration) and the `overspending` scan (#alerts) both read, so it lives once. It sits in funding, below both
 * (#alerts must not import #integration, which reaches #alerts through #jobs); budget_lines is read by name
 * (docs/adr/0003-cross-context-reads.md).
 *
 * `scope` is a predicate on `initiatives i`; `$1::date` is the day judged (asOf).
 */

/** Months from month-start date `a` to month-start date `b` (0 when the same month). */
const monthsFrom = (a: string, b: string) =>
  `((extract(year FROM ${b}) - extract(year FROM ${a})) * 12 + extract(month FROM ${b}) - extract(month FROM ${a}))::int`;

/**
 * Every (initiative, project code) a budget line can attach by: the initiative's own budget_project_code and each of
 * its funding lines'. UNION, so a code shared by the initiative and a line counts once.
 */
export function financeCodesSql(scope: string): string {
  return `SELECT i.id AS initiative_id, i.budget_project_code AS code FROM initiatives i WHERE (${scope}) AND i.budget_project_code IS NOT NULL
          UNION
          SELECT f.initiative_id, f.budget_project_code FROM funding_lines f JOIN initiatives i ON i.id = f.initiative_id
           WHERE (${scope}) AND f.budget_project_code IS NOT NULL`;
}

/**
 * One row per initiative in scope with granted funding running on asOf:
 * - `funding_sek`: the granted lines running on asOf; their period runs from `funding_starts` (month) to `funding_ends`;
 * - `spent_sek`: actuals on any of the initiative's codes in months of that period, up to asOf's month;
 * - `monthly_rate_sek`: the mean of the monthly actuals over the last three months that have actual lines (a month
 *   sent with 0 counts, so the budget system stops the forecast by sending zeros), up to asOf's month;
 * - `runs_out_month`: the last actual month + ceil(remaining / rate) months (that month itself when nothing remains);
 *   null when the rate is not positive;
 * - `overspending`: actuals run ahead of funding — more spent than the funding's pro-rata share of the months from
 *   its start to the last actual month — and the money runs out in a month before the one the funding ends in.
 */
export function financeForecastSql(scope: string): string {
  return `
    WITH codes AS (${financeCodesSql(scope)}),
    monthly_actuals AS (
      SELECT c.initiative_id, l.period, sum(l.amount_sek) AS actual_sek
        FROM codes c
        JOIN budget_lines l ON l.dimensions ->> 'projekt' = c.code
       WHERE l.kind = 'actual' AND l.period <= $1::date
       GROUP BY c.initiative_id, l.period
    ),
    running AS (
      SELECT f.initiative_id, sum(f.amount_sek) AS funding_sek, date_trunc('month', min(f.period_start))::date AS starts, max(f.period_end) AS ends
        FROM funding_lines f
        JOIN initiatives i ON i.id = f.initiative_id
       WHERE (${scope}) AND f.status = 'granted' AND $1::date BETWEEN f.period_start AND f.period_end
       GROUP BY f.initiative_id
    ),
    recent AS (
      SELECT m.initiative_id, max(m.period) AS last_month, avg(m.actual_sek) AS rate
        FROM (SELECT m.*, row_number() OVER (PARTITION BY m.initiative_id ORDER BY m.period DESC) AS nth FROM monthly_actuals m) m
       WHERE m.nth <= 3
       GROUP BY m.initiative_id
    ),
    spent AS (
      SELECT r.initiative_id, r.funding_sek, r.starts, r.ends, coalesce(sum(m.actual_sek), 0) AS spent_sek
        FROM running r
        LEFT JOIN monthly_actuals m ON m.initiative_id = r.initiative_id AND m.period BETWEEN r.starts AND r.ends
       GROUP BY r.initiative_id, r.funding_sek, r.starts, r.ends
    ),
    forecast AS (
      SELECT s.*, s.funding_sek - s.spent_sek AS remaining_sek, rc.rate, rc.last_month,
             CASE WHEN rc.rate > 0 THEN (rc.last_month + make_interval(months => ceil(greatest(s.funding_sek - s.spent_sek, 0) / rc.rate)::int))::date END AS runs_out,
             ${monthsFrom('s.starts', "date_trunc('month', s.ends)")} + 1 AS period_months,
             least(greatest(${monthsFrom('s.starts', 'rc.last_month')} + 1, 0), ${monthsFrom('s.starts', "date_trunc('month', s.ends)")} + 1) AS elapsed_months
        FROM spent s
        LEFT JOIN recent rc ON rc.initiative_id = s.initiative_id
    )
    SELECT f.initiative_id, f.funding_sek, f.starts AS funding_starts, f.ends AS funding_ends, f.spent_sek, f.remaining_sek,
           round(f.rate) AS monthly_rate_sek, f.last_month AS last_actual_month, f.runs_out AS runs_out_month,
           coalesce(f.spent_sek * f.period_months > f.funding_sek * f.elapsed_months AND f.runs_out < date_trunc('month', f.ends), false) AS overspending
      FROM forecast f`;
}
