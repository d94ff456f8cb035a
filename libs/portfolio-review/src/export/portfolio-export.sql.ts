import { bound, FUNDING_SOURCE_TYPE_LABELS, sqlParams, type BoundStatement } from '#common';
import { FUNDING_STATUS_LABELS } from '#funding';
import { planIndicatorsSql } from '#follow-up';
import { monthlyShareSql, takenOverJoinSql } from '#funding-rules';
import {
  buildInitiativeFilter,
  INITIATIVE_KIND_LABELS,
  INITIATIVE_STATUS_LABELS,
  type InitiativeListFilters,
} from '#portfolio';
import { readinessCtes, readinessMissingJson } from '../readiness/portfolio-readiness.sql.js';
import { READINESS_CHECK_LABELS } from '../readiness/readiness-checks.js';

/** One initiative as the export writes it; lists are already joined, labels already Swedish. */
export type ExportInitiativeRow = {
  code: string;
  title: string;
  kind: string;
  status: string;
  leadDepartment: string | null;
  participants: string | null;
  priorityAreas: string | null;
  goals: string | null;
  targetGroups: string | null;
  districts: string | null;
  startDate: string | null;
  endDate: string | null;
  annualCostSek: number | null;
  temporarySek: number;
  temporaryShare: number | null;
  temporaryEndsOn: string | null;
  openAlerts: number;
  readinessScore: number | null;
  readinessMissing: string | null;
};

/**
 * One row per initiative the list's filters choose (`buildInitiativeFilter`), by code, in one statement. Priority
 * areas come from `initiative_facts` (as in the summary), the readiness score and missing checks from `readinessCtes` and
 * `readinessMissingJson` (only approved or active initiatives are scored; others get none). Money, as the summary counts it: `temporarySek` is what
 * granted lines not from `ordinary_budget` running on `today` pay a year (monthlyShareSql × 12), `temporaryShare` its
 * part of what all running granted lines pay a year (null when none run). `temporaryEndsOn` is the earliest end, today
 * or later, of a granted temporary line that nothing fully takes over (takenOverJoinSql, the funding cliff's rule).
 */
export function buildExportInitiativesSql(
  filters: InitiativeListFilters,
  today: string,
  timeZone: string,
): BoundStatement<ExportInitiativeRow> {
  const { values, param } = sqlParams();
  const { goalScope, where } = buildInitiativeFilter(filters, param);
  const day = `${param(today)}::date`;
  const tz = `${param(timeZone)}::text`;
  const names = (table: string, join: string, order = 'x.name') =>
    `(SELECT string_agg(x.name, ', ' ORDER BY ${order}) FROM ${table} ${join})`;
  const sql = `
    WITH RECURSIVE ${goalScope}
    ${readinessCtes(where, day, tz).trim()},
    chosen AS (SELECT i.* FROM initiatives i ${where}),
    money AS (
      SELECT f.initiative_id,
             sum(${monthlyShareSql('f')} * 12) FILTER (WHERE f.source_type <> 'ordinary_budget') AS temporary,
             sum(${monthlyShareSql('f')} * 12) AS funded
        FROM funding_lines f JOIN chosen c ON c.id = f.initiative_id
       WHERE f.status = 'granted' AND f.period_start <= ${day} AND f.period_end >= ${day}
       GROUP BY f.initiative_id
    )
    SELECT c.code, c.title, ${param(INITIATIVE_KIND_LABELS)}::jsonb ->> c.kind AS kind, ${param(INITIATIVE_STATUS_LABELS)}::jsonb ->> c.status AS status,
           d.name AS "leadDepartment",
           ${names('initiative_participants p', `JOIN departments x ON x.id = p.department_id WHERE p.initiative_id = c.id`)} AS participants,
           (SELECT string_agg(a.title, ', ' ORDER BY a.code) FROM initiative_facts f JOIN goals a ON a.id = ANY(f.area_ids)
             WHERE f.initiative_id = c.id) AS "priorityAreas",
           (SELECT string_agg(g.title, ', ' ORDER BY g.code) FROM initiative_goals ig JOIN goals g ON g.id = ig.goal_id WHERE ig.initiative_id = c.id) AS goals,
           ${names('initiative_target_groups itg', `JOIN target_groups x ON x.id = itg.target_group_id WHERE itg.initiative_id = c.id`)} AS "targetGroups",
           ${names('initiative_districts idi', `JOIN districts x ON x.id = idi.district_id WHERE idi.initiative_id = c.id`)} AS districts,
           to_char(c.start_date, 'YYYY-MM-DD') AS "startDate", to_char(c.end_date, 'YYYY-MM-DD') AS "endDate",
           c.annual_cost_sek::float8 AS "annualCostSek",
           COALESCE(round(m.temporary), 0)::float8 AS "temporarySek",
           round((COALESCE(m.temporary, 0) / NULLIF(m.funded, 0))::numeric, 4)::float8 AS "temporaryShare",
           (SELECT to_char(min(f.period_end), 'YYYY-MM-DD') FROM funding_lines f ${takenOverJoinSql('f', 't')}
             WHERE f.initiative_id = c.id AND f.status = 'granted' AND f.source_type <> 'ordinary_budget' AND f.period_end >= ${day}
               AND t.share < 1) AS "temporaryEndsOn",
           (SELECT count(*)::int FROM alerts al WHERE al.initiative_id = c.id AND al.status IN ('open', 'acknowledged')) AS "openAlerts",
           r.score AS "readinessScore",
           (SELECT string_agg(${param(READINESS_CHECK_LABELS)}::jsonb ->> e.name, ', ' ORDER BY e.o)
              FROM jsonb_array_elements_text(${readinessMissingJson('r')}) WITH ORDINALITY AS e(name, o)) AS "readinessMissing"
      FROM chosen c
      LEFT JOIN departments d ON d.id = c.lead_department_id
      LEFT JOIN money m ON m.initiative_id = c.id
      LEFT JOIN scored r ON r.id = c.id
     ORDER BY c.code`;
  return bound(sql.replace('WITH RECURSIVE \n', 'WITH RECURSIVE\n'), values);
}

/** One funding line as the export writes it, under the funding columns the initiative import reads. */
export type ExportFundingRow = {
  code: string;
  fundingSourceType: string;
  funder: string;
  fundingAmountSek: number;
  fundingStart: string;
  fundingEnd: string;
  fundingStatus: string;
};

/**
 * Every funding line of the initiatives the list's filters choose, whatever its status, with Swedish labels: ordered
 * by initiative code (as buildExportInitiativesSql orders the initiatives) and then period, so the service can put an
 * initiative's lines under its row in one pass.
 */
export function buildExportFundingSql(filters: InitiativeListFilters): BoundStatement<ExportFundingRow> {
  const { values, param } = sqlParams();
  const { goalScope, where } = buildInitiativeFilter(filters, param);
  const sql = `
    WITH RECURSIVE ${goalScope}
    chosen AS (SELECT i.id, i.code FROM initiatives i ${where})
    SELECT c.code, ${param(FUNDING_SOURCE_TYPE_LABELS)}::jsonb ->> f.source_type AS "fundingSourceType", f.funder,
           f.amount_sek::float8 AS "fundingAmountSek",
           to_char(f.period_start, 'YYYY-MM-DD') AS "fundingStart", to_char(f.period_end, 'YYYY-MM-DD') AS "fundingEnd",
           ${param(FUNDING_STATUS_LABELS)}::jsonb ->> f.status AS "fundingStatus"
      FROM chosen c
      JOIN funding_lines f ON f.initiative_id = c.id
     ORDER BY c.code, f.period_start, f.period_end, f.funder, f.id`;
  return bound(sql.replace('WITH RECURSIVE \n', 'WITH RECURSIVE\n'), values);
}

/** One indicator cell of an initiative's follow-up plan, before suppression. */
export type ExportIndicatorRow = {
  initiativeCode: string;
  initiativeTitle: string;
  indicatorCode: string;
  indicatorName: string;
  unit: string;
  ownerDepartmentId: string;
  cell: string;
  period: string | null;
  value: number | null;
  persons: number | null;
  baselinePeriod: string | null;
  baseline: number | null;
  baselinePersons: number | null;
  targetPeriod: string | null;
  target: number | null;
  targetPersons: number | null;
};

/**
 * Per chosen initiative, the indicators its follow-up plan names (planIndicatorsSql, as status reports read them), one
 * row per breakdown cell the indicator has values in: the latest measurement, baseline and target of the municipality
 * (latest by period end). Sweden's comparison values are left out. Ordered by initiative code, the plan's order, then
 * cell (`all` first). The caller suppresses small counts.
 */
export function buildExportIndicatorsSql(filters: InitiativeListFilters): BoundStatement<ExportIndicatorRow> {
  const { values, param } = sqlParams();
  const { goalScope, where } = buildInitiativeFilter(filters, param);
  const latest = (kind: string, alias: string) =>
    `LEFT JOIN latest ${alias} ON ${alias}.indicator_id = p.indicator_id AND ${alias}.cell = cells.cell AND ${alias}.kind = '${kind}'`;
  const sql = `
    WITH RECURSIVE ${goalScope}
    planned AS (
      SELECT i.code, i.title, plan.indicator_id, plan.ord
        FROM initiatives i CROSS JOIN LATERAL ${planIndicatorsSql('i')}
        ${where}
    ),
    latest AS (
      SELECT DISTINCT ON (iv.indicator_id, iv.cell, iv.kind) iv.indicator_id, iv.cell, iv.kind, iv.period, iv.value::float8 AS value, iv.persons
        FROM indicator_values iv
       WHERE iv.area = 'municipality' AND iv.indicator_id IN (SELECT indicator_id FROM planned)
       ORDER BY iv.indicator_id, iv.cell, iv.kind, iv.period_end DESC, iv.period_start
    )
    SELECT p.code AS "initiativeCode", p.title AS "initiativeTitle", ind.code AS "indicatorCode", ind.name AS "indicatorName",
           ind.unit, ind.owner_department_id AS "ownerDepartmentId", cells.cell,
           m.period, m.value, m.persons,
           b.period AS "baselinePeriod", b.value AS baseline, b.persons AS "baselinePersons",
           t.period AS "targetPeriod", t.value AS target, t.persons AS "targetPersons"
      FROM planned p
      JOIN indicators ind ON ind.id = p.indicator_id
      JOIN LATERAL (SELECT DISTINCT l.cell FROM latest l WHERE l.indicator_id = p.indicator_id) cells ON true
      ${latest('measurement', 'm')}
      ${latest('baseline', 'b')}
      ${latest('target', 't')}
     ORDER BY p.code, p.ord, cells.cell <> 'all', cells.cell`;
  return bound(sql.replace('WITH RECURSIVE \n', 'WITH RECURSIVE\n'), values);
}
