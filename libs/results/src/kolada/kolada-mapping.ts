import { canonicalCell } from '../indicators/indicator-value.rules.js';
import type { Breakdown, ValueArea } from '../indicators/indicator.vocabulary.js';
import type { KoladaRow } from './kolada.client.js';

/** Kolada splits every KPI by sex: T is everyone, K women (kvinnor), M men. */
const GENDER_CELLS = { T: null, K: 'sex:women', M: 'sex:men' } as const;

/** Kolada's municipality id for the whole of Sweden. */
export const KOLADA_SWEDEN = '0000';

export type KoladaIndicator = { id: string; breakdowns: Breakdown[]; koladaKpis: Record<string, string> };
export type KoladaPoint = {
  indicatorId: string;
  kpi: string;
  period: string;
  cell: string;
  area: ValueArea;
  value: number;
};

/**
 * The measurements Kolada's rows give an indicator: each KPI id stands for one of its cells, and Kolada's K and M
 * values of that KPI for the same cell split by sex, kept only where the indicator is broken down by sex (else
 * `sex` is no cell of it) and the cell is not split by sex already, nor has a KPI of its own. Rows without a value (Kolada's missing
 * figures) give nothing. Rows for Kolada's 0000 are Sweden's, kept beside the municipality's for comparison.
 */
export function koladaPoints(indicator: KoladaIndicator, rows: readonly KoladaRow[]): KoladaPoint[] {
  const cellsByKpi = new Map<string, string[]>();
  for (const [cell, kpi] of Object.entries(indicator.koladaKpis))
    cellsByKpi.set(kpi, [...(cellsByKpi.get(kpi) ?? []), cell]);
  const points: KoladaPoint[] = [];
  for (const row of rows) {
    const area: ValueArea = row.municipality === KOLADA_SWEDEN ? 'sweden' : 'municipality';
    for (const base of cellsByKpi.get(row.kpi) ?? []) {
      for (const { gender, value } of row.values) {
        if (value === null || value === undefined || !(gender in GENDER_CELLS)) continue;
        const cell = withSex(base, GENDER_CELLS[gender], indicator.breakdowns);
        // A cell with a KPI of its own takes that KPI's total, never another KPI's split: one value per cell.
        if (cell !== undefined && (gender === 'T' || !(cell in indicator.koladaKpis)))
          points.push({ indicatorId: indicator.id, kpi: row.kpi, period: String(row.period), cell, area, value });
      }
    }
  }
  return points;
}

function withSex(base: string, sex: string | null, breakdowns: readonly Breakdown[]): string | undefined {
  if (sex === null) return base;
  return canonicalCell(base === 'all' ? sex : `${base},${sex}`, breakdowns).cell;
}
