import { bound, sqlParams, type BoundStatement, type SqlParam } from '#common';
import { buildInitiativeFilter, type InitiativeListFilters } from '#portfolio';
import { reportCtes, reportJoinsSql, reportOnTimeSql } from '../summary/portfolio-summary.sql.js';
import type { PortfolioReadinessDto } from './portfolio-readiness.dto.js';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-checks.js';

/**
 * The checks that are null where they do not apply (coverageDecision without temporary money); `checks` never gives
 * the others null, so the score sums them without COALESCE and counts them applicable without a test: 16 expressions a
 * row become 9, a few milliseconds over 11,000 initiatives.
 */
const OPTIONAL_CHECKS: readonly ReadinessCheck[] = ['coverageDecision'];

/** Facts a readiness statement carries beside each initiative's checks: what it orders or groups them by. */
export type CarriedFact = 'code' | 'lead_department_id' | 'area_ids';

/**
 * `scope` (the approved or active initiatives among those `where` chooses over `initiatives i`, as their
 * `initiative_facts`), reportCtes' two, `checks` and `scored(id, <the carried facts>, <one boolean column per check>,
 * score)`: the per-initiative half of readiness, shared by GET /portfolio/readiness and the export. Each statement
 * carries only the facts it reads: `scored` is materialised, and the page's statement carrying every initiative's
 * areas as well cost it 31 → 26 ms at 20,000 initiatives.
 * The checks that do not depend on the day, and the code, are kept in initiative_facts (the InitiativeFacts and
 * ReadinessFacts migrations define them), so without a filter no row of the wide `initiatives` heap is read;
 * reportedOnTime depends on `day` and is computed here. The checks as JSON and the failed ones are left to
 * `readinessChecksJson` and `readinessMissingJson`, for the rows a caller returns. `day` and `tz` as in
 * reportOnTimeSql. Needs `WITH RECURSIVE` (before it, the filter's goalScope).
 */
export function readinessCtes(where: string, day: string, tz: string, carried: readonly CarriedFact[] = []): string {
  const each = (f: (name: ReadinessCheck) => string, separator: string) => READINESS_CHECKS.map(f).join(separator);
  const isOptional = (name: ReadinessCheck) => OPTIONAL_CHECKS.includes(name);
  const carry = (alias: string) => carried.map((column) => `${alias}.${column}, `).join('');
  return `
    scope AS (
      SELECT f.initiative_id AS id, ${carry('f')}f.status, f.lead_department_id AS lead, f.has_process_owner, f.has_plan,
             f.co_owner_responsibilities, f.goal_link, f.effect_logic, f.coverage_decision,
             f.latest_report_due, f.latest_report_submitted_at, f.previous_report_due, f.previous_report_submitted_at
        FROM initiative_facts f
       WHERE f.status IN ('approved', 'active')${where ? ` AND f.initiative_id IN (SELECT i.id FROM initiatives i ${where})` : ''}
    ),
    ${reportCtes(day, tz)},
    checks AS (
      SELECT s.id, ${carry('s')}
             s.lead IS NOT NULL AS "leadDepartment",
             s.co_owner_responsibilities AS "coOwnerResponsibilities",
             s.has_process_owner AS "processOwner",
             s.goal_link AS "goalLink",
             s.effect_logic AS "effectLogic",
             s.has_plan AS "followUpPlan",
             COALESCE(${reportOnTimeSql('s', day)}, false) AS "reportedOnTime",
             s.coverage_decision AS "coverageDecision"
        FROM scope s ${reportJoinsSql('s', day)}
    ),
    scored AS (
      SELECT c.*, ${readinessScoreSql('x.met', 'x.applicable')} AS score
        FROM checks c
        CROSS JOIN LATERAL (SELECT ${each((n) => (isOptional(n) ? `COALESCE(c."${n}"::int, 0)` : `c."${n}"::int`), ' + ')} AS met,
                                   ${READINESS_CHECKS.length - OPTIONAL_CHECKS.length} + ${OPTIONAL_CHECKS.map((n) => `(c."${n}" IS NOT NULL)::int`).join(' + ')} AS applicable) x
    )`;
}

/**
 * The score of `met` checks out of `applicable` (integer SQL expressions): round(met / applicable, 4) as float8, NULL
 * without applicable checks. Rounded half up in integer arithmetic, the value numeric's round gives: numeric
 * division, round and the cast to float8 (through text) cost about a microsecond a row, half the unfiltered roll-up
 * by area.
 */
export function readinessScoreSql(met: string, applicable: string): string {
  return `((2 * 10000 * ${met} + ${applicable}) / NULLIF(2 * ${applicable}, 0))::float8 / 10000`;
}

/** The checks of a `scored` row `alias` as a JSON object, in READINESS_CHECKS' order. */
export function readinessChecksJson(alias: string): string {
  return `jsonb_build_object(${READINESS_CHECKS.map((n) => `'${n}', ${alias}."${n}"`).join(', ')})`;
}

/** The failed checks of a `scored` row `alias` as a JSON array of names, in READINESS_CHECKS' order. */
export function readinessMissingJson(alias: string): string {
  return `to_jsonb(array_remove(ARRAY[${READINESS_CHECKS.map((n) => `CASE WHEN NOT ${alias}."${n}" THEN '${n}' END`).join(', ')}], NULL))`;
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
 * - reportedOnTime: its report in the latest round due by `today` is on time (reportOnTimeSql, the summary's
 *   definition); false when no round is due;
 * - coverageDecision: with temporary money (a granted or applied line not from `ordinary_budget`), every such line has a
 *   coverage decision other than `undecided`; null (not applicable) without temporary money.
 *
 * `score` is the share of the applicable checks met (four decimals). The page is sorted by score, then code. The
 * roll-ups cover every chosen initiative (not just the page): by lead department (null: none) and by priority area
 * above the initiative's goals (`unlinked`: under none; buildReadinessAreasSql), with per check the share of the
 * group's initiatives meeting it — coverageDecision's share is over those with temporary money, null when none has any.
 */
export function buildPortfolioReadinessSql(
  filters: InitiativeListFilters,
  page: { limit: number; offset: number },
  today: string,
  timeZone: string,
): BoundStatement<{ readiness: Omit<PortfolioReadinessDto, 'byPriorityArea'> }> {
  const { values, param } = sqlParams();
  const { ctes, rollup } = readinessStatement(filters, today, timeZone, param, ['code', 'lead_department_id']);
  const sql = `${ctes},
    by_dept AS (${rollup('scored s', 's.lead_department_id')})
    SELECT jsonb_build_object(
      'initiatives', (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                                'id', p.id, 'code', p.code, 'title', i.title,
                                'leadDepartment', CASE WHEN d.id IS NOT NULL THEN jsonb_build_object('id', d.id, 'code', d.code, 'name', d.name) END,
                                'score', p.score, 'checks', ${readinessChecksJson('p')}, 'missing', ${readinessMissingJson('p')})
                                ORDER BY p.score, p.code), '[]')
                        FROM (SELECT * FROM scored ORDER BY score, code LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}) p
                        JOIN initiatives i ON i.id = p.id
                        LEFT JOIN departments d ON d.id = p.lead_department_id),
      'total', (SELECT count(*)::int FROM scored),
      'limit', ${param(page.limit)}::int,
      'offset', ${param(page.offset)}::int,
      'byDepartment', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', d.id, 'code', d.code, 'name', d.name,
                                 'initiatives', g.n, 'score', g.score, 'checks', g.checks) ORDER BY d.code NULLS LAST), '[]')
                         FROM by_dept g LEFT JOIN departments d ON d.id = g.key)
    ) AS readiness`;
  return bound(sql, values);
}

/**
 * Readiness's roll-up by priority area, over the same initiatives as buildPortfolioReadinessSql: a statement of its
 * own, so the service runs both at once on two connections in one snapshot (queryTwoInSnapshot), as the summary does.
 * `OFFSET 0` keeps each initiative's checks and score below the unnest of its areas: the planner otherwise computes
 * them once per area an initiative is under (18,000 times instead of 11,000 at 20,000 initiatives: 42 → 35 ms).
 */
export function buildReadinessAreasSql(
  filters: InitiativeListFilters,
  today: string,
  timeZone: string,
): BoundStatement<Pick<PortfolioReadinessDto, 'byPriorityArea'>> {
  const { values, param } = sqlParams();
  const { ctes, rollup } = readinessStatement(filters, today, timeZone, param, ['area_ids']);
  const sql = `${ctes},
    by_area AS (${rollup('(SELECT * FROM scored OFFSET 0) s LEFT JOIN LATERAL unnest(s.area_ids) AS a(id) ON true', 'a.id')})
    SELECT jsonb_build_object(
      'areas', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', a.id, 'code', a.code, 'title', a.title,
                          'initiatives', g.n, 'score', g.score, 'checks', g.checks) ORDER BY a.code), '[]')
                  FROM by_area g JOIN goals a ON a.id = g.key),
      'unlinked', (SELECT jsonb_build_object('initiatives', g.n, 'score', g.score, 'checks', g.checks) FROM by_area g WHERE g.key IS NULL)
    ) AS "byPriorityArea"`;
  return bound(sql, values);
}

/**
 * Both readiness statements' start (`WITH RECURSIVE` … `scored`, with the `carried` facts), and one roll-up of
 * `scored s` by `key` over `from`.
 */
function readinessStatement(
  filters: InitiativeListFilters,
  today: string,
  timeZone: string,
  param: SqlParam,
  carried: readonly CarriedFact[],
) {
  const { goalScope, where } = buildInitiativeFilter(filters, param);
  const ctes = `
    WITH RECURSIVE ${goalScope}
    ${readinessCtes(where, `${param(today)}::date`, `${param(timeZone)}::text`, carried).trim()}`.replace(
    'WITH RECURSIVE \n',
    'WITH RECURSIVE\n',
  );
  // `from` says which group(s) an initiative counts in.
  const rollup = (from: string, key: string) => `
      SELECT ${key} AS key, count(*)::int AS n, round(avg(s.score)::numeric, 4)::float8 AS score,
             jsonb_build_object(${READINESS_CHECKS.map((n) => `'${n}', round(avg(s."${n}"::int), 4)::float8`).join(', ')}) AS checks
        FROM ${from} GROUP BY 1`;
  return { ctes, rollup };
}
