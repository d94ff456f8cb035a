import { statement } from '#common';
import type { IndicatorDirection, IndicatorUnit, ValueArea } from '#results';

/** An indicator of a report as stored, before small counts are suppressed for the viewer (ReportIndicator). */
export type RawIndicator = {
  indicatorId: string;
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  ownerDepartmentId: string;
  values: { cell: string; area: ValueArea; period: string; value: number; persons: number | null }[];
};

/**
 * The indicators an initiative's follow-up plan names, as a set-returning expression over the initiative alias:
 * `plan(indicator_id uuid, ord)` in the plan's order (none when the plan or its list is missing). Status reports and
 * the portfolio export read plans through it.
 */
export function planIndicatorsSql(initiative: string): string {
  return `(SELECT e.value::uuid AS indicator_id, e.ord
             FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(${initiative}.follow_up_plan -> 'indicatorIds') = 'array'
                                                 THEN ${initiative}.follow_up_plan -> 'indicatorIds' ELSE '[]' END) WITH ORDINALITY AS e(value, ord)) AS plan`;
}

/**
 * Per report of `$1` (a JSON array of report id, initiative id, and the period's start and end), the indicators its
 * initiative's follow-up plan names, in the plan's order, with their measurements in the period, as stored.
 */
export const REPORT_INDICATORS_SQL = statement<{ reportId: string; indicators: RawIndicator[] }>(
  `SELECT w."reportId",
          jsonb_agg(jsonb_build_object('indicatorId', ind.id, 'code', ind.code, 'name', ind.name, 'unit', ind.unit,
                                       'direction', ind.direction, 'ownerDepartmentId', ind.owner_department_id, 'values', v.values)
                    ORDER BY plan.ord) AS indicators
     FROM jsonb_to_recordset($1::jsonb) AS w("reportId" uuid, "initiativeId" uuid, start date, "end" date)
     JOIN initiatives i ON i.id = w."initiativeId"
    CROSS JOIN LATERAL ${planIndicatorsSql('i')}
     JOIN indicators ind ON ind.id = plan.indicator_id
    CROSS JOIN LATERAL (
            SELECT COALESCE(jsonb_agg(jsonb_build_object('cell', iv.cell, 'area', iv.area, 'period', iv.period, 'value', iv.value, 'persons', iv.persons)
                                      ORDER BY iv.cell <> 'all', iv.cell, iv.period_end DESC, iv.period_start, iv.area <> 'municipality'), '[]') AS values
              FROM indicator_values iv
             WHERE iv.indicator_id = ind.id AND iv.kind = 'measurement'
               AND iv.period_start >= w.start AND iv.period_end <= w."end"
          ) v
    GROUP BY w."reportId"`,
);
