import type { EntityManager } from 'typeorm';
import { queryRows } from '#common';
import type { Actor } from '#identity';
import {
  maySeeSmallCounts,
  periodRange,
  suppressed,
  type IndicatorDirection,
  type IndicatorUnit,
  type ValueArea,
} from '#results';
import { REPORT_INDICATORS_SQL } from './status-report-indicators.sql.js';

/** A measurement within the round's period, as the viewer may see it. */
export type ReportIndicatorValue = {
  cell: string;
  area: ValueArea;
  period: string;
  value: number | null;
  persons: number | null;
  suppressed: boolean;
};

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

/**
 * Per report, the indicators its initiative's follow-up plan names (in the plan's order) with the measurements whose
 * period lies within the round's period (`2025-H1` takes `2025-03`, `2025-Q1` and `2025-H1`), by cell (`all` first),
 * latest first, the municipality's before Sweden's for the same period. One statement for any number of reports, so a page costs one query; small counts are then suppressed
 * for the viewer by the same rule as an indicator's series.
 */
export async function indicatorsForReports(
  em: EntityManager,
  actor: Actor,
  reports: ReportPeriod[],
): Promise<Map<string, ReportIndicator[]>> {
  const byReport = new Map<string, ReportIndicator[]>(reports.map((r) => [r.id, []]));
  if (reports.length === 0) return byReport;
  const wanted = reports.map((r) => ({ reportId: r.id, initiativeId: r.initiativeId, ...periodRange(r.period) }));
  const rows = await queryRows(em, REPORT_INDICATORS_SQL, [JSON.stringify(wanted)]);
  for (const row of rows) {
    byReport.set(
      row.reportId,
      row.indicators.map(({ ownerDepartmentId, values, ...indicator }) => {
        const visible = maySeeSmallCounts(actor, ownerDepartmentId);
        return {
          ...indicator,
          values: values.map((v) => {
            const shown = suppressed(
              { value: v.value, numerator: null, denominator: null, persons: v.persons },
              visible,
            );
            return {
              cell: v.cell,
              area: v.area,
              period: v.period,
              value: shown.value,
              persons: shown.persons,
              suppressed: shown.suppressed,
            };
          }),
        };
      }),
    );
  }
  return byReport;
}
