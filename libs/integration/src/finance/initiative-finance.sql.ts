import { statement } from '#common';
import { financeCodesSql, financeForecastSql } from '#funding';
import type { InitiativeFinanceDto } from './initiative-finance.dto.js';

/** The figures as the statement answers them: the sum of actuals on the initiative's own code is a bigint, as text. */
export type InitiativeFinanceRow = Omit<InitiativeFinanceDto, 'asOf' | 'initiativeCodeActualSek'> & {
  initiativeCodeActualSek: string;
};

const SCOPE = 'i.id = $2';

/**
 * One initiative's finance figures in one statement, shaped as InitiativeFinanceDto ($1 asOf, $2 initiative id); no
 * row for an unknown initiative. Budget lines attach by their `projekt` dimension (ix_budget_lines_projekt). A funding
 * line's spending is the actuals on its own code in the months of its period; actuals on the initiative's code that
 * is no funding line's code count against the initiative as a whole (`initiativeCodeActualSek`), not a line.
 */
export const INITIATIVE_FINANCE_SQL = statement<InitiativeFinanceRow>(`
  WITH lines AS (
    SELECT l.kind, l.period, l.amount_sek, c.code
      FROM (${financeCodesSql(SCOPE)}) c
      JOIN budget_lines l ON l.dimensions ->> 'projekt' = c.code
  ),
  months AS (
    SELECT l.period,
           coalesce(sum(l.amount_sek) FILTER (WHERE l.kind = 'budget'), 0) AS budget_sek,
           coalesce(sum(l.amount_sek) FILTER (WHERE l.kind = 'actual'), 0) AS actual_sek
      FROM lines l
     GROUP BY l.period
  ),
  forecast AS (${financeForecastSql(SCOPE)})
  SELECT i.id AS "initiativeId",
         (SELECT coalesce(jsonb_agg(DISTINCT c.code), '[]') FROM (${financeCodesSql(SCOPE)}) c) AS "projectCodes",
         (SELECT coalesce(jsonb_agg(jsonb_build_object('month', to_char(m.period, 'YYYY-MM'), 'budgetSek', m.budget_sek, 'actualSek', m.actual_sek) ORDER BY m.period), '[]')
            FROM months m) AS months,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('year', y.year, 'budgetSek', y.budget_sek, 'actualSek', y.actual_sek) ORDER BY y.year), '[]')
            FROM (SELECT extract(year FROM m.period)::int AS year, sum(m.budget_sek) AS budget_sek, sum(m.actual_sek) AS actual_sek FROM months m GROUP BY 1) y) AS years,
         (SELECT coalesce(jsonb_agg(jsonb_build_object(
                   'id', f.id, 'funder', f.funder, 'status', f.status, 'budgetProjectCode', f.budget_project_code,
                   'periodStart', f.period_start, 'periodEnd', f.period_end, 'amountSek', f.amount_sek,
                   'actualSek', s.actual_sek, 'remainingSek', f.amount_sek - s.actual_sek) ORDER BY f.period_start, f.id), '[]')
            FROM funding_lines f
            CROSS JOIN LATERAL (
              SELECT coalesce(sum(l.amount_sek), 0) AS actual_sek FROM lines l
               WHERE l.kind = 'actual' AND l.code = f.budget_project_code AND l.period BETWEEN date_trunc('month', f.period_start) AND f.period_end) s
           WHERE f.initiative_id = i.id) AS "fundingLines",
         (SELECT coalesce(sum(l.amount_sek), 0) FROM lines l
           WHERE l.kind = 'actual' AND l.code = i.budget_project_code
             AND NOT EXISTS (SELECT 1 FROM funding_lines f WHERE f.initiative_id = i.id AND f.budget_project_code = l.code)) AS "initiativeCodeActualSek",
         (SELECT jsonb_build_object(
                   'fundingSek', f.funding_sek, 'fundingStarts', to_char(f.funding_starts, 'YYYY-MM'), 'fundingEnds', f.funding_ends,
                   'spentSek', f.spent_sek, 'remainingSek', f.remaining_sek, 'monthlyRateSek', f.monthly_rate_sek,
                   'lastActualMonth', to_char(f.last_actual_month, 'YYYY-MM'), 'runsOutMonth', to_char(f.runs_out_month, 'YYYY-MM'),
                   'overspending', f.overspending)
            FROM forecast f) AS forecast
    FROM initiatives i
   WHERE i.id = $2`);
