import { bound, sqlParams, type BoundStatement } from '#common';
import { buildInitiativeFilter, type InitiativeListFilters } from '#portfolio';
import { SUPPRESSION_THRESHOLD } from '#results';
import type { GoalTreeFiguresNodeDto } from './goal-tree.dto.js';

/**
 * Every goal with its figures, flat, in one statement (the caller nests them). Read-only joins of other contexts'
 * tables — goals, initiative_goals, effect_nodes, indicators (docs/adr/0003-cross-context-reads.md).
 *
 * - `below(ancestor_id, goal_id)` pairs each goal with itself and every goal under it (a few hundred goals times
 *   their depth), so an initiative linked anywhere in a subtree reaches the subtree's top once: `initiatives` counts
 *   it and `annualCostSek` adds its annual cost once per goal however many of its links lie below. `direct` counts
 *   the initiatives linked to the goal itself. The initiatives are those the list's filters choose
 *   (`buildInitiativeFilter`), so a goal's count is the total of GET /initiatives?goalId=<goal>.
 * - `indicators`: those measuring a node of the goal's own effect-logic chain, each with its last two measurements
 *   for the whole population (cell `all`, the municipality), the latest by period end as the series orders them. A
 *   value resting on fewer than 5 persons is left out for every viewer: the trend would tell which way a hidden
 *   figure moved.
 */
export function buildGoalTreeFiguresSql(
  filters: InitiativeListFilters,
): BoundStatement<Omit<GoalTreeFiguresNodeDto, 'children'>> {
  const { values, param } = sqlParams();
  const { goalScope, where } = buildInitiativeFilter(filters, param);
  const sql = `
    WITH RECURSIVE ${goalScope}
    scope AS (SELECT i.id, i.annual_cost_sek FROM initiatives i ${where}),
    below(ancestor_id, goal_id) AS (
      SELECT g.id, g.id FROM goals g
      UNION
      SELECT b.ancestor_id, g.id FROM below b JOIN goals g ON g.parent_id = b.goal_id
    ),
    reached AS (
      SELECT DISTINCT b.ancestor_id, s.id, s.annual_cost_sek
        FROM below b
        JOIN initiative_goals ig ON ig.goal_id = b.goal_id
        JOIN scope s ON s.id = ig.initiative_id
    ),
    figures AS (
      SELECT ancestor_id AS goal_id, count(*)::int AS n, COALESCE(sum(annual_cost_sek), 0)::bigint AS cost,
             count(*) FILTER (WHERE annual_cost_sek IS NULL)::int AS without_cost
        FROM reached GROUP BY ancestor_id
    ),
    direct AS (
      SELECT ig.goal_id, count(*)::int AS n FROM initiative_goals ig JOIN scope s ON s.id = ig.initiative_id GROUP BY ig.goal_id
    ),
    measured AS (
      SELECT DISTINCT e.goal_id, ind.id, ind.code, ind.name, ind.unit, ind.direction
        FROM effect_nodes e
        JOIN indicator_effect_nodes ien ON ien.effect_node_id = e.id
        JOIN indicators ind ON ind.id = ien.indicator_id
       WHERE e.goal_id IS NOT NULL
    ),
    last_two AS (
      SELECT * FROM (
        SELECT v.indicator_id, v.period, v.value,
               row_number() OVER (PARTITION BY v.indicator_id ORDER BY v.period_end DESC, v.period_start, v.id) AS rn
          FROM indicator_values v
         WHERE v.kind = 'measurement' AND v.area = 'municipality' AND v.cell = 'all'
           AND (v.persons IS NULL OR v.persons >= ${param(SUPPRESSION_THRESHOLD)}::int)
           AND v.indicator_id IN (SELECT id FROM measured)
      ) ranked WHERE rn <= 2
    ),
    goal_indicators AS (
      SELECT m.goal_id,
             jsonb_agg(jsonb_build_object(
               'id', m.id, 'code', m.code, 'name', m.name, 'unit', m.unit, 'direction', m.direction,
               'latest', CASE WHEN l.period IS NULL THEN NULL ELSE jsonb_build_object('period', l.period, 'value', l.value) END,
               'previous', CASE WHEN p.period IS NULL THEN NULL ELSE jsonb_build_object('period', p.period, 'value', p.value) END,
               'trend', CASE
                 WHEN p.period IS NULL THEN NULL
                 WHEN l.value = p.value THEN 'unchanged'
                 WHEN (l.value > p.value) = (m.direction = 'increase') THEN 'improving'
                 ELSE 'worsening' END
             ) ORDER BY m.code) AS indicators
        FROM measured m
        LEFT JOIN last_two l ON l.indicator_id = m.id AND l.rn = 1
        LEFT JOIN last_two p ON p.indicator_id = m.id AND p.rn = 2
       GROUP BY m.goal_id
    )
    SELECT g.id, g.code, g.title, g.level, g.framework, g.parent_id AS "parentId",
           COALESCE(f.n, 0) AS initiatives, COALESCE(f.cost, 0)::float8 AS "annualCostSek",
           COALESCE(f.without_cost, 0) AS "initiativesWithoutAnnualCost", COALESCE(d.n, 0) AS "directInitiatives",
           COALESCE(gi.indicators, '[]') AS indicators
      FROM goals g
      LEFT JOIN figures f ON f.goal_id = g.id
      LEFT JOIN direct d ON d.goal_id = g.id
      LEFT JOIN goal_indicators gi ON gi.goal_id = g.id`;
  return bound(sql.replace('WITH RECURSIVE \n', 'WITH RECURSIVE\n'), values);
}
