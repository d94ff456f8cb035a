import { statement } from '#common';

/**
 * Folds `portfolio_rollups` (the PortfolioRollups and DepartmentRollups migrations) into one row per group and lead
 * department, in one statement: the rows this snapshot sees are deleted and their sums written back, groups that came
 * to nothing left out. A writer's rows committed meanwhile are not seen, so they stay as they are; two folds at once
 * cannot count a row twice (the second skips the rows the first deleted, and does not see what it wrote). Nothing is
 * written when every group has one row.
 */
export const FOLD_PORTFOLIO_ROLLUPS_SQL = statement<{ folded: number; groups: number }>(`
  WITH due AS (
    SELECT EXISTS (SELECT 1 FROM portfolio_rollups GROUP BY lead_department_id, dimension, key HAVING count(*) > 1) AS yes
  ),
  taken AS (DELETE FROM portfolio_rollups WHERE (SELECT yes FROM due) RETURNING *),
  kept AS (
    INSERT INTO portfolio_rollups
    SELECT dimension, key, sum(initiatives), sum(annual_cost_sek), sum(without_annual_cost), sum(unlinked),
           sum(followed), sum(with_plan), lead_department_id
      FROM taken GROUP BY lead_department_id, dimension, key HAVING sum(initiatives) <> 0
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM taken)::int AS folded, (SELECT count(*) FROM kept)::int AS groups`);
