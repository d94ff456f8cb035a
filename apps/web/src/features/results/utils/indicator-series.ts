import type { components } from '../../../lib/api-schema';
import { formatMoney, formatNumber } from '../../../lib/format';
import { resultsMessages } from '../messages';

type CellSeries = components['schemas']['CellSeriesDto'];
type ProblemDetails = components['schemas']['ProblemDetailsDto'];

const t = resultsMessages.indicator;

/** The last day of a period as `YYYY-MM-DD` text, which orders as dates do: 2024-H1 ends before 2024-Q3. */
export function periodEnd(period: string): string {
  const [year, part = ''] = period.split('-');
  if (part === '') return `${year}-12-31`;
  if (part === 'H1') return `${year}-06-30`;
  if (part === 'H2') return `${year}-12-31`;
  if (part.startsWith('Q')) return `${year}-${String(Number(part.slice(1)) * 3).padStart(2, '0')}-31`;
  return `${year}-${part}-31`;
}

export type SeriesRow = {
  period: string;
  /** null: nothing recorded; 'suppressed': withheld (fewer than 5 persons); else the figure. */
  baseline: number | null | 'suppressed';
  actual: number | null | 'suppressed';
  target: number | null | 'suppressed';
  sweden: number | null;
};

/** One row per period with the baseline, an actual, a target or Sweden's figure, oldest first: what the table shows. */
export function seriesRows(cell: CellSeries): SeriesRow[] {
  const rows = new Map<string, SeriesRow>();
  const row = (period: string) => {
    let found = rows.get(period);
    if (!found) rows.set(period, (found = { period, baseline: null, actual: null, target: null, sweden: null }));
    return found;
  };
  if (cell.baseline) row(cell.baseline.period).baseline = cell.baseline.suppressed ? 'suppressed' : cell.baseline.value;
  for (const point of cell.actuals) row(point.period).actual = point.suppressed ? 'suppressed' : point.value;
  for (const point of cell.targets) row(point.period).target = point.suppressed ? 'suppressed' : point.value;
  for (const point of cell.sweden) row(point.period).sweden = point.value;
  return [...rows.values()].sort(
    (a, b) => periodEnd(a.period).localeCompare(periodEnd(b.period)) || a.period.localeCompare(b.period),
  );
}

export type ChartPoint = { period: string; actual: number | null; target: number | null; sweden: number | null };

/** The rows as the chart draws them (the baseline is a level line of its own): a withheld figure is a gap, never a number. */
export function chartPoints(rows: readonly SeriesRow[]): ChartPoint[] {
  const figure = (value: SeriesRow['actual']) => (typeof value === 'number' ? value : null);
  return rows.map((row) => ({
    period: row.period,
    actual: figure(row.actual),
    target: figure(row.target),
    sweden: row.sweden,
  }));
}

/** A figure in the indicator's unit: `12,5 %`, `3,1 ‰`, `1 234 kr`; "färre än 5" when withheld, "–" when missing. */
export function formatFigure(value: number | null | 'suppressed' | undefined, unit: string): string {
  if (value === 'suppressed') return t.suppressed;
  if (value === null || value === undefined) return '–';
  if (unit === 'sek') return formatMoney(value);
  if (unit === 'percent') return `${formatNumber(value, 1)} %`;
  if (unit === 'per_1000') return `${formatNumber(value, 1)} ‰`;
  return formatNumber(value);
}

/** A cell key in words: `all` → "Alla", `sex:women,born:abroad` → "Kvinnor, födda utomlands", districts by name. */
export function cellLabel(cell: string, districtNames: ReadonlyMap<string, string> = new Map()): string {
  if (cell === 'all') return t.all;
  // "Kvinnor, födda utomlands": words after the first in lower case, names (districts) as they are written.
  return cell
    .split(',')
    .map((part, index) => {
      const [breakdown = '', value = ''] = part.split(':');
      if (breakdown === 'district') return districtNames.get(value) ?? value;
      if (breakdown === 'age_band') return `${value.replace('-', '–')} år`;
      const word = t.cellValue[breakdown]?.[value] ?? part;
      return index === 0 ? word : word.toLowerCase();
    })
    .join(', ');
}

/** The cell key the API takes, from one choice per breakdown (empty or 'all' leaves the breakdown out). */
export function cellKey(choices: Readonly<Record<string, string | null | undefined>>): string {
  const parts = Object.entries(choices)
    .map(([breakdown, value]) => [breakdown, value?.trim()] as const)
    .filter(([, value]) => value && value !== 'all')
    .map(([breakdown, value]) => `${breakdown}:${value}`);
  return parts.length === 0 ? 'all' : parts.join(',');
}

/** The API's message in Swedish where it is a known one (`$1` takes the message's first group), else as the API wrote it. */
export function swedishMessage(apiMessage: string): string {
  for (const [pattern, swedish] of resultsMessages.apiMessages) {
    const match = pattern.exec(apiMessage);
    if (match) return swedish.replace(/\$(\d)/g, (_, index: string) => match[Number(index)] ?? '');
  }
  return apiMessage;
}

export type ImportError = { line: number | null; column: string | null; message: string };

/**
 * A refused import's errors, one per line and column, in file order: the API names them `lines[3].period` (a column
 * of line 3), `lines[7]` (the whole line) or `lines` (the whole file).
 */
export function importErrors(problem: Pick<ProblemDetails, 'errors'>): ImportError[] {
  return (problem.errors ?? [])
    .map((error) => {
      const match = /^lines(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(error.field);
      return {
        line: match?.[1] ? Number(match[1]) : null,
        column: match?.[2] ?? null,
        message: swedishMessage(error.message),
      };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
