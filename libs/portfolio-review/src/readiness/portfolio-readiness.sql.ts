import { bound, sqlParams, type BoundStatement, type SqlParam } from '#common';
import { buildInitiativeFilter, type InitiativeListFilters } from '#portfolio';
import { latestReportsCte, priorityAreasCtes } from '../summary/portfolio-summary.sql.js';
import type { PortfolioReadinessDto } from './portfolio-readiness.dto.js';
import { READINESS_CHECKS } from './readiness-checks.js';

const OUTCOME_LEVELS = ['short_term_outcome', 'long_term_outcome', 'impact'];

/**
 * `scope` (the approved or active initiatives among those `where` chooses over `initiatives i`), `latest_reports`,
 * `checks`, `check_rows(id, o, name, ok)` and `scored(id, code, title, lead_department_id, checks, score, missing)`:
 * the per-initiative half of readiness, shared by GET /portfolio/readiness and the export. `day` and `tz` as in
 * latestReportsCte. Needs `WITH RECURSIVE` (before it, the filter's goalScope).
 */
export function readinessCtes(where: string, day: string, tz: string, param: SqlParam): string {
  const present = (column: string) => `(${column} IS NOT NULL AND jsonb_typeof(${column}) <> 'null')`;
  const checkRows = READINESS_CHECKS.map((name, o) => `(${o + 1}, '${name}', c."${name}")`).join(',\n                ');
  return `
    scope AS (
      SELECT f.* FROM (
        SELECT i.id, i.code, i.title, i.status, i.lead_department_id,
               ${present('i.process_owner')} AS has_process_owner, ${present('i.follow_up_plan')} AS has_plan
          FROM initiatives i ${where}
      ) f WHERE f.status IN ('approved', 'active')
    ),
    ${latestReportsCte('scope', day, tz)},
    checks AS (
      SELECT s.id, s.code, s.title, s.lead_department_id,
             s.lead_department_id IS NOT NULL AS "leadDepartment",
             NOT EXISTS (SELECT 1 FROM initiative_participants p
                          WHERE p.initiative_id = s.id AND p.role = 'co_owner' AND COALESCE(btrim(p.responsibility, E' \\t\\r\\n'), '') = '') AS "coOwnerResponsibilities",
             s.has_process_owner AS "processOwner",
             EXISTS (SELECT 1 FROM initiative_goals ig WHERE ig.initiative_id = s.id) AS "goalLink",
             EXISTS (SELECT 1 FROM effect_nodes n JOIN indicator_effect_nodes ien ON ien.effect_node_id = n.id
                      WHERE n.initiative_id = s.id AND n.level = ANY(${param(OUTCOME_LEVELS)}::text[])
                        AND EXISTS (SELECT 1 FROM indicator_values v WHERE v.indicator_id = ien.indicator_id AND v.kind = 'baseline')) AS "effectLogic",
             s.has_plan AS "followUpPlan",
             COALESCE(lr.on_time, false) AS "reportedOnTime",
             CASE WHEN EXISTS (SELECT 1 FROM funding_lines fl WHERE fl.initiative_id = s.id
                                  AND fl.status IN ('granted', 'applied') AND fl.source_type <> 'ordinary_budget')
                  THEN NOT EXISTS (SELECT 1 FROM funding_lines fl WHERE fl.initiative_id = s.id
                                      AND fl.status IN ('granted', 'applied') AND fl.source_type <> 'ordinary_budget'
                                      AND fl.coverage_decision = 'undecided')
             END AS "coverageDecision"
        FROM scope s LEFT JOIN latest_reports lr ON lr.initiative_id = s.id
    ),
    check_rows AS (
      SELECT c.id, v.o, v.name, v.ok
        FROM checks c CROSS JOIN LATERAL (VALUES
                ${checkRows}) AS v(o, name, ok)
    ),
    scored AS (
      SELECT c.id, c.code, c.title, c.lead_department_id,
             jsonb_object_agg(r.name, r.ok ORDER BY r.o) AS checks,
             round(count(*) FILTER (WHERE r.ok)::numeric / NULLIF(count(r.ok), 0), 4)::float8 AS score,
             COALESCE(jsonb_agg(r.name ORDER BY r.o) FILTER (WHERE NOT r.ok), '[]') AS missing
        FROM checks c JOIN check_rows r ON r.id = c.id
       GROUP BY c.id, c.code, c.title, c.lead_department_id
    )`;
}

/**
 * Audit readiness in one statement over the approved or active initiatives the list's filters choose
 * (`buildInitiativeFilter`, shared with GET /initiatives and the summary). Read-only joins of other contexts' tables
 * (docs/adr/0003-cross-context-reads.md). Per initiative, each check is true or false:
 *
 * - leadDepartment: a lead department is set;
 * - coOwnerResponsibilities: every `co_owner` participant has a responsibility that is not blank (true with none);
 * - processOwner: a process owner (neither SQL NULL nor JSON null);
 * - goalLink: at least one linked goal;
 * - effectLogic: an outcome node of its own (short_term_outcome, long_term_outcome, impact) with an indicator that has
 *   a `baseline` value;
 * - followUpPlan: a follow-up plan (neither SQL NULL nor JSON null);
 * - reportedOnTime: its report in the latest round due by `today` is on time (`latest_reports`, the summary's
 *   definition); false when no round is due;
 * - coverageDecision: with temporary money (a granted or applied line not from `ordinary_budget`), every such line has a
 *   coverage decision other than `undecided`; null (not applicable) without temporary money.
 *
 * `score` is the share of the applicable checks met (four decimals). The page is sorted by score, then code. The
 * roll-ups cover every chosen initiative (not just the page): by lead department (null: none) and by priority area
 * above the initiative's goals (`unlinked`: under none), with per check the share of the group's initiatives meeting
 * it — coverageDecision's share is over those with temporary money, null when none has any.
 */
export function buildPortfolioReadinessSql(
  filters: InitiativeListFilters,
  page: { limit: number; offset: number },
  today: string,
  timeZone: string,
): BoundStatement<{ readiness: PortfolioReadinessDto }> {
  const { values, param } = sqlParams();
  const { goalScope, where } = buildInitiativeFilter(filters, param);
  const day = `${param(today)}::date`;
  const tz = `${param(timeZone)}::text`;
  // One roll-up: `members(id, key)` says which group(s) an initiative counts in.
  const rollup = (members: string) => `
      SELECT st.key, st.n, st.score, ch.checks
        FROM (SELECT m.key, count(*)::int AS n, round(avg(s.score)::numeric, 4)::float8 AS score
                FROM ${members} m JOIN scored s ON s.id = m.id GROUP BY m.key) st
        JOIN (SELECT x.key, jsonb_object_agg(x.name, x.share ORDER BY x.o) AS checks
                FROM (SELECT m.key, r.o, r.name, round(avg(r.ok::int), 4)::float8 AS share
                        FROM ${members} m JOIN check_rows r ON r.id = m.id GROUP BY m.key, r.o, r.name) x
               GROUP BY x.key) ch ON ch.key IS NOT DISTINCT FROM st.key`;
  const sql = `
    WITH RECURSIVE ${goalScope}
    ${readinessCtes(where, day, tz, param).trim()},
    ${priorityAreasCtes('scope')},
    dept_members AS (SELECT id, lead_department_id AS key FROM scope),
    area_members AS (SELECT s.id, a.id AS key FROM scope s LEFT JOIN areas a ON a.initiative_id = s.id),
    by_dept AS (${rollup('dept_members')}),
    by_area AS (${rollup('area_members')})
    SELECT jsonb_build_object(
      'initiatives', (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                                'id', p.id, 'code', p.code, 'title', p.title,
                                'leadDepartment', CASE WHEN d.id IS NOT NULL THEN jsonb_build_object('id', d.id, 'code', d.code, 'name', d.name) END,
                                'score', p.score, 'checks', p.checks, 'missing', p.missing) ORDER BY p.score, p.code), '[]')
                        FROM (SELECT * FROM scored ORDER BY score, code LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}) p
                        LEFT JOIN departments d ON d.id = p.lead_department_id),
      'total', (SELECT count(*)::int FROM scope),
      'limit', ${param(page.limit)}::int,
      'offset', ${param(page.offset)}::int,
      'byDepartment', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', d.id, 'code', d.code, 'name', d.name,
                                 'initiatives', g.n, 'score', g.score, 'checks', g.checks) ORDER BY d.code NULLS LAST), '[]')
                         FROM by_dept g LEFT JOIN departments d ON d.id = g.key),
      'byPriorityArea', jsonb_build_object(
        'areas', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', a.id, 'code', a.code, 'title', a.title,
                            'initiatives', g.n, 'score', g.score, 'checks', g.checks) ORDER BY a.code), '[]')
                    FROM by_area g JOIN goals a ON a.id = g.key),
        'unlinked', (SELECT jsonb_build_object('initiatives', g.n, 'score', g.score, 'checks', g.checks) FROM by_area g WHERE g.key IS NULL))
    ) AS readiness`;
  return bound(sql.replace('WITH RECURSIVE \n', 'WITH RECURSIVE\n'), values);
}
