import { bound, type BoundStatement, type SortColumn, type SqlParam } from '#common';
import { takenOverJoinSql } from '#funding-rules';
import type { InitiativeDto } from '../dto/initiative.dto.js';
import type { InitiativeStatus } from '../lifecycle/initiative-lifecycle.js';

export type InitiativeListFilters = {
  ids?: string[];
  code?: string;
  status?: InitiativeStatus[];
  leadDepartmentId?: string;
  /** Lead or any participant role. */
  departmentId?: string;
  /** The goal or any goal below it. */
  goalId?: string;
  targetGroup?: string[];
  district?: string[];
  fundingSourceType?: string[];
  q?: string;
};

/** `sort` holds allow-listed SQL columns only (see INITIATIVE_SORT_KEYS). */
export type InitiativeListPage = { sort: SortColumn[]; limit: number; offset: number };

/** One initiative as the API shows it, with the number of initiatives matching the filters. */
export type InitiativeListRow = InitiativeDto & { total: number };

/*
 * What the list shows beside the initiative's own columns, each a correlated subquery over `i` so it can be both
 * selected for the page and sorted by (read-only joins of other contexts' tables, docs/adr/0003-cross-context-reads.md).
 * `today` is a CTE of the statement holding the municipality's today.
 */

/** The RAG of the latest submitted or approved status report that has one, by its round's due date. */
const LATEST_RAG_SQL = `(SELECT sr.rag_status FROM status_reports sr JOIN reporting_rounds rr ON rr.id = sr.round_id
       WHERE sr.initiative_id = i.id AND sr.status IN ('submitted', 'approved') AND sr.rag_status IS NOT NULL
       ORDER BY rr.due_date DESC, rr.created_at DESC, rr.id LIMIT 1)`;

/**
 * The earliest end, today or later, of a granted line not from the ordinary budget that nothing fully takes over
 * (#funding-rules' takenOverJoinSql, the funding cliff's rule) — the export's "Tillfällig finansiering slutar utan efterföljare".
 */
const TEMPORARY_FUNDING_ENDS_SQL = `(SELECT min(f.period_end) FROM funding_lines f ${takenOverJoinSql('f', 't')}
       WHERE f.initiative_id = i.id AND f.status = 'granted' AND f.source_type <> 'ordinary_budget'
         AND f.period_end >= (SELECT day FROM today) AND t.share < 1)`;

/** Open or acknowledged alerts about the initiative, as the summary and the export count them. */
const OPEN_ALERTS_SQL = `(SELECT count(*)::int FROM alerts al WHERE al.initiative_id = i.id AND al.status IN ('open', 'acknowledged'))`;

/** API sort keys → SQL. Anything else is refused before it reaches SQL (see parseSort). */
export const INITIATIVE_SORT_KEYS: Record<string, string> = {
  code: 'i.code',
  title: 'i.title',
  status: 'i.status',
  leadDepartmentName: '(SELECT d.name FROM departments d WHERE d.id = i.lead_department_id)',
  startDate: 'i.start_date',
  endDate: 'i.end_date',
  annualCostSek: 'i.annual_cost_sek',
  createdAt: 'i.created_at',
  updatedAt: 'i.updated_at',
  // green < amber < red: `-latestRagStatus` puts red first.
  latestRagStatus: `(CASE ${LATEST_RAG_SQL} WHEN 'green' THEN 1 WHEN 'amber' THEN 2 WHEN 'red' THEN 3 END)`,
  temporaryFundingEndsOn: TEMPORARY_FUNDING_ENDS_SQL,
  openAlertCount: OPEN_ALERTS_SQL,
};

// Must match the trigram index's expression (FoundationSql migration) for the planner to use it.
const SEARCH_TEXT = `i.code || ' ' || i.title || ' ' || coalesce(i.summary, '')`;

/**
 * One statement for a page of initiatives with everything the API shows: the page of ids (and the total) is
 * chosen first, then only those rows get their participants, goals, target groups and districts aggregated, each
 * department and goal with its code and name (title), and the latest report's RAG, the end of temporary funding and
 * the open alerts, so no reader needs a request per id. `today` (YYYY-MM-DD, the municipality's; the database's
 * date when left out) is when temporary funding is counted from.
 * The same SQL serves GET /initiatives, GET /initiatives/{id} and the bare-server baseline in bench/.
 */
export function buildInitiativeListSql(
  filters: InitiativeListFilters,
  page: InitiativeListPage,
  today?: string,
): BoundStatement<InitiativeListRow> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const { goalScope, where } = buildInitiativeFilter(filters, param);

  // Initiatives without the value (no start date, no cost yet) come last either way: `-annualCostSek` asks for the
  // largest first. The id breaks ties, so pages do not overlap.
  const orderBy = [...page.sort.map((s) => `${s.column} ${s.direction} NULLS LAST`), 'i.id ASC'].join(', ');
  const matching = `FROM initiatives i ${where}`;
  // The total is its own subquery rather than count(*) OVER () on the page: a window over the page makes the
  // planner pick plans that are only fast when they may stop after `limit` rows, which the window never does.
  const sql = `
    WITH RECURSIVE ${goalScope}
    today AS (SELECT ${today ? `${param(today)}::date` : 'CURRENT_DATE'} AS day),
    page AS (
      SELECT i.id
        ${matching}
       ORDER BY ${orderBy}
       LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}
    ),
    matches AS (${totalSql(filters, matching, param)})
    SELECT i.id, i.code, i.title, i.summary, i.kind, i.status,
           i.lead_department_id AS "leadDepartmentId",
           lead.code AS "leadDepartmentCode", lead.name AS "leadDepartmentName",
           COALESCE((SELECT json_agg(json_build_object('departmentId', ip.department_id, 'departmentCode', d.code, 'departmentName', d.name,
                                                       'role', ip.role, 'responsibility', ip.responsibility)
                                     ORDER BY ip.role, ip.department_id)
                       FROM initiative_participants ip JOIN departments d ON d.id = ip.department_id
                      WHERE ip.initiative_id = i.id), '[]'::json) AS participants,
           i.process_owner AS "processOwner",
           COALESCE((SELECT array_agg(ig.goal_id ORDER BY ig.goal_id) FROM initiative_goals ig WHERE ig.initiative_id = i.id), '{}') AS "goalIds",
           COALESCE((SELECT json_agg(json_build_object('id', g.id, 'code', g.code, 'title', g.title) ORDER BY g.code)
                       FROM initiative_goals ig JOIN goals g ON g.id = ig.goal_id WHERE ig.initiative_id = i.id), '[]'::json) AS goals,
           COALESCE((SELECT array_agg(tg.code ORDER BY tg.code) FROM initiative_target_groups itg
                       JOIN target_groups tg ON tg.id = itg.target_group_id WHERE itg.initiative_id = i.id), '{}') AS "targetGroupCodes",
           COALESCE((SELECT array_agg(d.code ORDER BY d.code) FROM initiative_districts idi
                       JOIN districts d ON d.id = idi.district_id WHERE idi.initiative_id = i.id), '{}') AS "districtCodes",
           i.start_date AS "startDate", i.end_date AS "endDate",
           i.annual_cost_sek::float8 AS "annualCostSek",
           i.evidence_base AS "evidenceBase", i.budget_project_code AS "budgetProjectCode",
           i.follow_up_plan AS "followUpPlan",
           i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt",
           ${LATEST_RAG_SQL} AS "latestRagStatus",
           to_char(${TEMPORARY_FUNDING_ENDS_SQL}, 'YYYY-MM-DD') AS "temporaryFundingEndsOn",
           ${OPEN_ALERTS_SQL} AS "openAlertCount",
           (SELECT total::int FROM matches) AS total
      FROM page JOIN initiatives i ON i.id = page.id
      LEFT JOIN departments lead ON lead.id = i.lead_department_id
     ORDER BY ${orderBy}`;
  return bound(sql.replace('WITH RECURSIVE \n', 'WITH RECURSIVE\n'), params);
}

/**
 * The list's total, over `matching` (FROM … WHERE …). With a funding source type as the only filter it counts the
 * distinct initiatives of the lines of that type instead (each line belongs to an initiative: the foreign key), from
 * ix_funding_lines_source_type_initiative_id alone: 20 → 7 ms at 20,000 initiatives, where the semi-join hashed the
 * ids of the lines and then of every initiative.
 */
function totalSql(filters: InitiativeListFilters, matching: string, param: SqlParam): string {
  const types = filters.fundingSourceType;
  const others = buildInitiativeFilter({ ...filters, fundingSourceType: undefined }, () => 'NULL');
  return types?.length && !others.where
    ? `SELECT count(DISTINCT fl.initiative_id) AS total FROM funding_lines fl WHERE fl.source_type = ANY(${param(types)}::text[])`
    : `SELECT count(*) AS total ${matching}`;
}

/** How many initiatives match the filters: the list's own total, for a page past the end (which has no row to carry it). */
export function buildInitiativeCountSql(filters: InitiativeListFilters): BoundStatement<{ total: number | null }> {
  const { sql, params } = buildInitiativeListSql(filters, { sort: [], limit: 1, offset: 0 });
  return bound(`SELECT max(total) AS total FROM (${sql}) AS q`, params);
}

/**
 * The initiative list's filters as SQL over `initiatives i`: `goalScope` is a recursive CTE (ending in a comma) to
 * put after `WITH RECURSIVE`, `where` a WHERE clause (or ''). `param` adds a bind parameter and returns its
 * placeholder, so callers compose it into their own statements (GET /initiatives, GET /portfolio/summary).
 */
export function buildInitiativeFilter(
  filters: InitiativeListFilters,
  param: SqlParam,
): { goalScope: string; where: string } {
  const where: string[] = [];
  let goalScope = '';

  if (filters.ids) where.push(`i.id = ANY(${param(filters.ids)}::uuid[])`);
  if (filters.code) where.push(`i.code = ${param(filters.code)}`);
  if (filters.status?.length) where.push(`i.status = ANY(${param(filters.status)}::text[])`);
  if (filters.leadDepartmentId) where.push(`i.lead_department_id = ${param(filters.leadDepartmentId)}::uuid`);
  if (filters.departmentId) {
    const p = param(filters.departmentId);
    where.push(
      `(i.lead_department_id = ${p}::uuid OR EXISTS (SELECT 1 FROM initiative_participants ip WHERE ip.initiative_id = i.id AND ip.department_id = ${p}::uuid))`,
    );
  }
  if (filters.goalId) {
    goalScope = `goal_scope(id) AS (
        SELECT ${param(filters.goalId)}::uuid
        UNION
        SELECT g.id FROM goals g JOIN goal_scope s ON g.parent_id = s.id
      ),`;
    where.push(
      `EXISTS (SELECT 1 FROM initiative_goals ig WHERE ig.initiative_id = i.id AND ig.goal_id IN (SELECT id FROM goal_scope))`,
    );
  }
  if (filters.targetGroup?.length) {
    where.push(`EXISTS (SELECT 1 FROM initiative_target_groups itg JOIN target_groups tg ON tg.id = itg.target_group_id
                 WHERE itg.initiative_id = i.id AND tg.code = ANY(${param(filters.targetGroup)}::text[]))`);
  }
  if (filters.district?.length) {
    where.push(`EXISTS (SELECT 1 FROM initiative_districts idi JOIN districts d ON d.id = idi.district_id
                 WHERE idi.initiative_id = i.id AND d.code = ANY(${param(filters.district)}::text[]))`);
  }
  if (filters.fundingSourceType?.length) {
    // Read-only use of the funding context's table for filtering (docs/adr/0003-cross-context-reads.md).
    where.push(
      `EXISTS (SELECT 1 FROM funding_lines fl WHERE fl.initiative_id = i.id AND fl.source_type = ANY(${param(filters.fundingSourceType)}::text[]))`,
    );
  }
  if (filters.q) {
    const words = param(filters.q);
    const pattern = param(`%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(i.search_vector @@ websearch_to_tsquery('swedish'::regconfig, ${words})
                 OR lower(${SEARCH_TEXT}) LIKE ${pattern})`);
  }

  return { goalScope, where: where.length ? `WHERE ${where.join('\n         AND ')}` : '' };
}
