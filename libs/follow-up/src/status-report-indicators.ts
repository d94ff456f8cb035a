import type { EntityManager } from 'typeorm';
import type { Actor } from '#identity';
import { maySeeSmallCounts, periodRange, suppressed, type IndicatorDirection, type IndicatorUnit, type ValueArea } from '#results';

/** A measurement within the round's period, as the viewer may see it. */
export type ReportIndicatorValue = { cell: string; area: ValueArea; period: string; value: number | null; persons: number | null; suppressed: boolean };

/** An indicator the initiative's follow-up plan names, with its measurements for the report's period. */
export type ReportIndicator = {
  indicatorId: string;
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  values: ReportIndicatorValue[];
};

/** What a report needs to find its indicators: its initiative and its round's period. */
export type ReportPeriod = { id: string; initiativeId: string; period: string };

type RawIndicator = Omit<ReportIndicator, 'values'> & {
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
 * Per report, the indicators its initiative's follow-up plan names (in the plan's order) with the measurements whose
 * period lies within the round's period (`2025-H1` takes `2025-03`, `2025-Q1` and `2025-H1`), by cell (`all` first),
 * latest first, the municipality's before Sweden's for the same period. One statement for any number of reports, so a page costs one query; small counts are then suppressed
 * for the viewer by the same rule as an indicator's series.
 */
export async function indicatorsForReports(em: EntityManager, actor: Actor, reports: ReportPeriod[]): Promise<Map<string, ReportIndicator[]>> {
  const byReport = new Map<string, ReportIndicator[]>(reports.map((r) => [r.id, []]));
  if (reports.length === 0) return byReport;
  const wanted = reports.map((r) => ({ reportId: r.id, initiativeId: r.initiativeId, ...periodRange(r.period) }));
  const rows: { reportId: string; indicators: RawIndicator[] }[] = await em.query(
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
    [JSON.stringify(wanted)],
  );
  for (const row of rows) {
    byReport.set(
      row.reportId,
      row.indicators.map(({ ownerDepartmentId, values, ...indicator }) => {
        const visible = maySeeSmallCounts(actor, ownerDepartmentId);
        return {
          ...indicator,
          values: values.map((v) => {
            const shown = suppressed({ value: v.value, numerator: null, denominator: null, persons: v.persons }, visible);
            return { cell: v.cell, area: v.area, period: v.period, value: shown.value, persons: shown.persons, suppressed: shown.suppressed };
          }),
        };
      }),
    );
  }
  return byReport;
}
