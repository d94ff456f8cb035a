import { bound, sqlParams, type BoundStatement } from '#common';
import { cliffTotalsSql, fundingCliffCtes } from '#funding';
import { monthlyShareSql } from '#funding-rules';
import { buildInitiativeFilter, INITIATIVE_STATUSES, type InitiativeListFilters } from '#portfolio';
import type { PortfolioSummaryDto, SummaryFundingCliffDto } from './portfolio-summary.dto.js';

/**
 * `area_goals` and `areas(initiative_id, id, code, title)`: each initiative of `scope` under each `priority_area` goal
 * at or above one of its linked goals, once. The walk goes down the goal tree from the priority areas (a few hundred
 * goals), then meets the initiatives' links: walking each initiative's links up the tree instead made a row per link
 * and ancestor (177,000 for 20,000 initiatives) that the planner misjudged by twenty times. The overlaps' refresh
 * reads it; the summary, readiness and the export read the same areas kept in `initiative_facts.area_ids` (the
 * InitiativeFacts migration's `initiative_facts_of` walks the tree the same way). Needs `WITH RECURSIVE`.
 */
export function priorityAreasCtes(scope: string): string {
  return `area_goals(goal_id, area_id) AS (
      SELECT g.id, g.id FROM goals g WHERE g.level = 'priority_area'
      UNION
      SELECT c.id, a.area_id FROM area_goals a JOIN goals c ON c.parent_id = a.goal_id
    ),
    areas AS (
      SELECT DISTINCT ig.initiative_id, g.id, g.code, g.title
        FROM initiative_goals ig
        JOIN ${scope} s ON s.id = ig.initiative_id
        JOIN area_goals ag ON ag.goal_id = ig.goal_id
        JOIN goals g ON g.id = ag.area_id
    )`;
}

/**
 * Whether an approved or active initiative's report in the latest reporting round due by `day` (by due date, then the
 * later created round, then id) is on time: submitted or approved, and submitted on or before the round's due date in
 * the time zone of reportCtes; NULL when it has no report in a round due by `day`. The summary's followUp and
 * readiness's `reportedOnTime` check both read it. `day` is an SQL expression (a placeholder with a cast).
 *
 * `s` is a row with the facts of the initiative's reports in its two latest rounds (`latest_report_due`,
 * `latest_report_submitted_at`, `previous_…`: the ReportFacts migration); the latest round due by `day` is the first
 * of the two that is due, read from the row itself. Only an initiative with reports in two rounds still to come (two
 * rounds open at once) needs its reports ranked (`report_ranked`). Both come from reportJoinsSql(s, day).
 */
export function reportOnTimeSql(s: string, day: string): string {
  const onTime = (slot: string) => `COALESCE(${s}.${slot}_report_submitted_at < report_deadline.deadline, false)`;
  return `CASE WHEN ${s}.previous_report_due > ${day} THEN report_ranked.on_time
                 WHEN ${s}.latest_report_due <= ${day} THEN ${onTime('latest')}
                 WHEN ${s}.previous_report_due <= ${day} THEN ${onTime('previous')} END`;
}

/**
 * The joins reportOnTimeSql reads for the row `s`: its reports ranked (`report_ranked`, only for an initiative with
 * reports in two rounds still to come) and the deadline of its latest round due by `day` (`report_deadline`).
 */
export function reportJoinsSql(s: string, day: string): string {
  return `LEFT JOIN ranked_reports report_ranked ON report_ranked.initiative_id = ${s}.id
        LEFT JOIN report_deadlines report_deadline
          ON report_deadline.due_date = CASE WHEN ${s}.latest_report_due <= ${day} THEN ${s}.latest_report_due
                                             WHEN ${s}.previous_report_due <= ${day} THEN ${s}.previous_report_due END`;
}

/**
 * reportOnTimeSql's CTEs. `report_deadlines(due_date, deadline)`: per due date of a round due by `day`, the first
 * instant after it in the time zone `tz` (the next day's local midnight). Converting a few due dates, not every
 * initiative's submission time, to the time zone saves 2–3 ms of readiness's 37 at 20,000 initiatives; the comparison
 * is the same wherever local midnight happens once (in Europe/Stockholm the clocks change at 02:00 and 03:00).
 *
 * `ranked_reports(initiative_id, on_time)`: the initiatives with reports in two rounds still to come, their reports
 * ranked as they all were before the facts kept them: the rounds due by `day` ranked once, each initiative keeping
 * its lowest rank with on_time in the rank's last bit; a row only for an initiative with a report in a round due by
 * `day`. Chosen from `initiative_facts` itself rather than a caller's scope, so the planner estimates the few rows from
 * the table's statistics (the reads join it to their scope). `day` and `tz` are SQL expressions.
 */
export function reportCtes(day: string, tz: string): string {
  return `report_deadlines AS (
      SELECT DISTINCT rr.due_date, (rr.due_date + 1)::timestamp AT TIME ZONE ${tz} AS deadline
        FROM reporting_rounds rr WHERE rr.due_date <= ${day}
    ),
    ranked_reports AS (
      SELECT sr.initiative_id,
             min(r.rank * 2 + CASE WHEN sr.status IN ('submitted', 'approved')
                                     AND sr.submitted_at AT TIME ZONE ${tz} < r.next_day THEN 0 ELSE 1 END) % 2 = 0 AS on_time
        FROM status_reports sr
        JOIN (SELECT rr.id, (rr.due_date + 1)::timestamp AS next_day, row_number() OVER (ORDER BY rr.due_date DESC, rr.created_at DESC, rr.id) AS rank
                FROM reporting_rounds rr WHERE rr.due_date <= ${day}) r ON r.id = sr.round_id
       WHERE sr.initiative_id IN (SELECT f.initiative_id FROM initiative_facts f WHERE f.previous_report_due > ${day})
       GROUP BY sr.initiative_id
    )`;
}

/**
 * The whole summary but the funding cliff, in one statement over the initiatives the list's filters choose
 * (`buildInitiativeFilter`, shared with GET /initiatives). Read-only joins of other contexts' tables — goals,
 * funding_lines, alerts, reporting_rounds, status_reports, reference data (docs/adr/0003-cross-context-reads.md).
 *
 * The counts and costs per group come, for the whole portfolio and for one lead department alone, from the roll-ups
 * kept as facts change (rollupGroupsCtes); with any other filter, from the chosen initiatives' `initiative_facts`
 * (chosenGroupsCtes; the filter still runs over `initiatives i`). Both are kept by triggers
 * (docs/adr/0006-initiative-facts.md, 0007).
 *
 * - Priority areas: every goal an initiative links to is followed up the tree (kept in `initiative_facts.area_ids`); each `priority_area` goal met
 *   (the linked goal itself included) counts the initiative once, and its annual cost once; initiatives that meet
 *   none are `unlinked`.
 * - Annual cost: `totalSek` sums the initiatives' annual_cost_sek. `bySourceType` is what granted lines running
 *   on `today` pay a year — each line's amount spread evenly over its months (monthlyShareSql, as the funding cliff
 *   and funding-gap scan do) × 12, rounded per source type; `temporaryShare` is the part of that not paid from
 *   `ordinary_budget`.
 * - Follow-up: of the approved or active initiatives, those with a follow-up plan (a JSON null is none), and those
 *   whose report in their latest round due by `today` is submitted or approved, submitted on or before the due date
 *   (in the configured time zone). Both shares are over the approved or active initiatives; null when there are none.
 */
export function buildPortfolioSummarySql(
  filters: InitiativeListFilters,
  today: string,
  timeZone: string,
  sourceTypes: readonly string[],
  alertSeverities: readonly string[],
): BoundStatement<{ summary: Omit<PortfolioSummaryDto, 'fundingCliff'> }> {
  const { values, param } = sqlParams();
  const { goalScope, where } = buildInitiativeFilter(filters, param);
  const day = `${param(today)}::date`;
  const tz = `${param(timeZone)}::text`;
  const share = (part: string, whole: string) => `round(${part}::numeric / NULLIF(${whole}, 0), 4)::float8`;
  const department = onlyLeadDepartment(filters);
  const groups = !where
    ? rollupGroupsCtes()
    : department
      ? rollupGroupsCtes({ department: `${param(department)}::uuid`, where })
      : chosenGroupsCtes(where);
  // The whole portfolio: every funding line and alert of an initiative is in it, no join needed.
  const inScope = (alias: string) =>
    where ? `JOIN ${department ? 'chosen' : 'scope'} s ON s.id = ${alias}.initiative_id` : '';
  const sql = `
    WITH RECURSIVE ${goalScope}
    ${groups},
    running AS (
      SELECT f.source_type, round(sum(${monthlyShareSql('f')} * 12))::bigint AS per_year
        FROM funding_lines f ${inScope('f')}
       WHERE f.status = 'granted' AND f.period_start <= ${day} AND f.period_end >= ${day}
       GROUP BY f.source_type
    ),
    open_alerts AS (
      SELECT a.kind, a.severity, count(*)::int AS n
        FROM alerts a ${inScope('a')}
       WHERE a.status IN ('open', 'acknowledged') AND a.initiative_id IS NOT NULL
       GROUP BY a.kind, a.severity
    ),
    ${reportCtes(day, tz)},
    reports AS (
      SELECT count(x.on_time)::int AS with_report, (count(*) FILTER (WHERE x.on_time))::int AS on_time
        FROM (SELECT ${reportOnTimeSql('s', day)} AS on_time
                FROM scope s ${reportJoinsSql('s', day)}
               WHERE s.status IN ('approved', 'active')) x
    ),
    follow_up AS (SELECT t.followed AS n, t.with_plan, r.with_report, r.on_time FROM totals t CROSS JOIN reports r)
    SELECT jsonb_build_object(
      'initiatives', (SELECT n FROM totals),
      'byStatus', (SELECT jsonb_object_agg(x.st, COALESCE(b.n, 0) ORDER BY x.o)
                     FROM unnest(${param(INITIATIVE_STATUSES)}::text[]) WITH ORDINALITY AS x(st, o)
                     LEFT JOIN by_status b ON b.status = x.st),
      'byLeadDepartment', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', d.id, 'code', d.code, 'name', d.name, 'count', x.n)
                                                     ORDER BY x.n DESC, d.code NULLS LAST), '[]')
                             FROM by_lead x LEFT JOIN departments d ON d.id = x.id),
      'byPriorityArea', jsonb_build_object(
        'areas', (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', x.id, 'code', x.code, 'title', x.title, 'count', x.n, 'annualCostSek', x.cost)
                                            ORDER BY x.n DESC, x.code), '[]')
                    FROM (SELECT a.id, a.code, a.title, x.n, x.cost FROM by_area x JOIN goals a ON a.id = x.id) x),
        'unlinked', (SELECT unlinked FROM totals)),
      'byTargetGroup', (SELECT COALESCE(jsonb_agg(jsonb_build_object('code', x.code, 'name', x.name, 'count', x.n) ORDER BY x.n DESC, x.code), '[]')
                          FROM (SELECT tg.code, tg.name, x.n FROM by_target_group x JOIN target_groups tg ON tg.id = x.id) x),
      'byDistrict', (SELECT COALESCE(jsonb_agg(jsonb_build_object('code', x.code, 'name', x.name, 'count', x.n) ORDER BY x.n DESC, x.code), '[]')
                       FROM (SELECT d.code, d.name, x.n FROM by_district x JOIN districts d ON d.id = x.id) x),
      'annualCost', (SELECT jsonb_build_object(
                        'totalSek', (SELECT cost_sek FROM totals),
                        'initiativesWithoutAnnualCost', (SELECT without_cost FROM totals),
                        'fundedPerYearSek', COALESCE(sum(r.per_year), 0)::bigint,
                        'bySourceType', jsonb_object_agg(t.type, COALESCE(r.per_year, 0) ORDER BY t.o),
                        'temporarySek', COALESCE(sum(r.per_year) FILTER (WHERE t.type <> 'ordinary_budget'), 0)::bigint,
                        'temporaryShare', ${share(`sum(r.per_year) FILTER (WHERE t.type <> 'ordinary_budget')`, 'sum(r.per_year)')})
                       FROM unnest(${param(sourceTypes)}::text[]) WITH ORDINALITY AS t(type, o)
                       LEFT JOIN running r ON r.source_type = t.type),
      'openAlerts', jsonb_build_object(
        'total', (SELECT COALESCE(sum(n), 0)::int FROM open_alerts),
        'bySeverity', (SELECT jsonb_object_agg(v, (SELECT COALESCE(sum(n), 0)::int FROM open_alerts WHERE severity = v) ORDER BY o)
                         FROM unnest(${param(alertSeverities)}::text[]) WITH ORDINALITY AS x(v, o)),
        'byKind', (SELECT COALESCE(jsonb_agg(jsonb_build_object('kind', x.kind, 'total', x.total, 'bySeverity', x.sev) ORDER BY x.total DESC, x.kind), '[]')
                     FROM (SELECT kind, sum(n)::int AS total, jsonb_object_agg(severity, n) AS sev FROM open_alerts GROUP BY kind) x)),
      'followUp', (SELECT jsonb_build_object(
                      'initiatives', n,
                      'withFollowUpPlan', with_plan,
                      'followUpPlanShare', ${share('with_plan', 'n')},
                      'withReportDue', with_report,
                      'reportedOnTime', on_time,
                      'reportedOnTimeShare', ${share('on_time', 'n')})
                     FROM follow_up)
    ) AS summary`;
  return bound(sql.replace('WITH RECURSIVE \n', 'WITH RECURSIVE\n'), values);
}

/**
 * The group CTEs the summary reads — `scope(id, status, …)`, `totals`, `by_status`, `by_lead(id, n)`, `by_area(id, n,
 * cost)`, `by_target_group(id, n)`, `by_district(id, n)` — for the initiatives `where` chooses over `initiatives i`:
 * aggregated from their `initiative_facts`.
 */
function chosenGroupsCtes(where: string): string {
  // One read of the chosen initiatives' facts, their arrays included, that every group counts from: reading the facts
  // again for target groups and districts (to keep scope within work_mem) cost more than scope's spill to a temporary
  // file when a filter chooses nearly everything. The arrays are unnested in the select list, not by a function scan
  // per row, which fills a tuplestore for each row. Statements on samla_bench_q: one administration 44 -> 29 ms,
  // status=active 113 -> 73 ms, every status 191 -> 122 ms.
  return `scope AS (
      SELECT f.initiative_id AS id, f.status, f.lead_department_id, f.annual_cost_sek, f.area_ids, f.has_plan,
             f.target_group_ids, f.district_ids,
             f.latest_report_due, f.latest_report_submitted_at, f.previous_report_due, f.previous_report_submitted_at
        FROM initiative_facts f WHERE f.initiative_id IN (SELECT i.id FROM initiatives i ${where})
    ),
    totals AS (
      SELECT count(*)::int AS n, COALESCE(sum(annual_cost_sek), 0)::bigint AS cost_sek,
             count(*) FILTER (WHERE annual_cost_sek IS NULL)::int AS without_cost,
             count(*) FILTER (WHERE area_ids = '{}')::int AS unlinked,
             count(*) FILTER (WHERE status IN ('approved', 'active'))::int AS followed,
             count(*) FILTER (WHERE status IN ('approved', 'active') AND has_plan)::int AS with_plan
        FROM scope
    ),
    by_status AS (SELECT status, count(*)::int AS n FROM scope GROUP BY 1),
    by_lead AS (SELECT lead_department_id AS id, count(*)::int AS n FROM scope GROUP BY 1),
    by_area AS (
      SELECT u.id, count(*)::int AS n, COALESCE(sum(u.annual_cost_sek), 0)::bigint AS cost
        FROM (SELECT unnest(s.area_ids) AS id, s.annual_cost_sek FROM scope s) u GROUP BY 1
    ),
    by_target_group AS (SELECT u.id, count(*)::int AS n FROM (SELECT unnest(s.target_group_ids) AS id FROM scope s) u GROUP BY 1),
    by_district AS (SELECT u.id, count(*)::int AS n FROM (SELECT unnest(s.district_ids) AS id FROM scope s) u GROUP BY 1)`;
}

/**
 * The same CTEs for the whole portfolio or, `department` given (an SQL expression), for the initiatives it leads when
 * that is the only filter (`where`, which `chosen(id)` then applies over `initiatives i`), from the roll-ups kept as
 * facts change (`portfolio_rollups`, the PortfolioRollups and DepartmentRollups migrations,
 * docs/adr/0007-portfolio-rollups.md): a few hundred rows of signed additions summed per group, where aggregating every
 * initiative's facts took most of the summary's time. `scope` is left to the follow-up's reports, which depend on the
 * day: the followed initiatives.
 */
function rollupGroupsCtes(filter?: { department: string; where: string }): string {
  const group = (dimension: string, columns: string) =>
    `SELECT ${columns} FROM rollups WHERE dimension = '${dimension}'`;
  return `scope AS (
      SELECT f.initiative_id AS id, f.status, f.latest_report_due, f.latest_report_submitted_at, f.previous_report_due, f.previous_report_submitted_at
        FROM initiative_facts f
       WHERE f.status IN ('approved', 'active')${filter ? ` AND f.lead_department_id = ${filter.department}` : ''}
    ),${
      filter
        ? `
    chosen AS (SELECT i.id FROM initiatives i ${filter.where}),`
        : ''
    }
    rollups AS (
      SELECT dimension, key, sum(initiatives)::int AS n, sum(annual_cost_sek)::bigint AS cost,
             sum(without_annual_cost)::int AS without_cost, sum(unlinked)::int AS unlinked,
             sum(followed)::int AS followed, sum(with_plan)::int AS with_plan
        FROM portfolio_rollups${filter ? ` WHERE lead_department_id = ${filter.department}` : ''}
       GROUP BY dimension, key HAVING sum(initiatives) <> 0
    ),
    totals AS (
      SELECT COALESCE(sum(n), 0)::int AS n, COALESCE(sum(cost), 0)::bigint AS cost_sek,
             COALESCE(sum(without_cost), 0)::int AS without_cost, COALESCE(sum(unlinked), 0)::int AS unlinked,
             COALESCE(sum(followed), 0)::int AS followed, COALESCE(sum(with_plan), 0)::int AS with_plan
        FROM rollups WHERE dimension = 'portfolio'
    ),
    by_status AS (${group('status', 'key AS status, n')}),
    by_lead AS (${group('lead_department', 'key::uuid AS id, n')}),
    by_area AS (${group('priority_area', 'key::uuid AS id, n, cost')}),
    by_target_group AS (${group('target_group', 'key::uuid AS id, n')}),
    by_district AS (${group('district', 'key::uuid AS id, n')})`;
}

/** The lead department when it is the filters' only condition: the summary then reads its roll-ups. */
function onlyLeadDepartment(filters: InitiativeListFilters): string | undefined {
  if (!filters.leadDepartmentId) return undefined;
  const others = buildInitiativeFilter({ ...filters, leadDepartmentId: undefined }, () => 'NULL');
  return others.where ? undefined : filters.leadDepartmentId;
}

/**
 * The funding cliff of one budget year, narrowed to the filtered initiatives: the cliff's own CTEs and totals (#funding,
 * fundingCliffCtes and cliffTotalsSql, so the figures and who counts as undecided are the cliff endpoint's budget-year
 * row's), without the per-month listing or the cliffs before the year. `initiatives` is the cliff's initiativesUndecided.
 */
export function buildSummaryCliffSql(
  filters: InitiativeListFilters,
  year: number,
): BoundStatement<{ cliff: SummaryFundingCliffDto }> {
  const { values, param } = sqlParams();
  const { goalScope, where } = buildInitiativeFilter(filters, param);
  const ctes = fundingCliffCtes({
    ctes: goalScope,
    from: `${param(`${year}-01-01`)}`,
    months: param(12),
    initiativeScope: where ? `i.id IN (SELECT i.id FROM initiatives i ${where})` : undefined,
    withEarlier: false,
    listing: false,
  });
  const totals = cliffTotalsSql('iy');
  const sql = `${ctes}
    SELECT jsonb_build_object(
      'year', ${param(year)}::int,
      'fundingEndingSek', ${totals.fundingEndingSek},
      'uncoveredAnnualCostSek', ${totals.uncoveredAnnualCostSek},
      'initiatives', ${totals.initiativesUndecided},
      'initiativesCoverageDecided', ${totals.initiativesCoverageDecided}
    ) AS cliff
      FROM initiative_years iy`;
  return bound(sql, values);
}
