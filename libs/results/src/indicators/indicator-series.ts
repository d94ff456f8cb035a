import type { IndicatorDirection } from './indicator.vocabulary.js';
import { periodRange, round } from './indicator-value.rules.js';

/** One value of a series as the viewer may see it (suppressed values have `value: null`). */
export type SeriesPoint = { period: string; value: number | null; suppressed: boolean };
export type CellValues = { cell: string; baselines: SeriesPoint[]; targets: SeriesPoint[]; actuals: SeriesPoint[] };

export type TargetProgress = SeriesPoint & { progress: number | null; achieved: boolean | null };
export type CellSeries = {
  cell: string;
  baseline: SeriesPoint | null;
  latest: SeriesPoint | null;
  targets: TargetProgress[];
  actuals: SeriesPoint[];
};
export type CellGap = { breakdown: string; minuend: string; subtrahend: string; period: string; gap: number | null };

/** The gaps the design asks for: women − men, born abroad − born in Sweden. */
export const GAP_PAIRS = [
  { breakdown: 'sex', minuend: 'sex:women', subtrahend: 'sex:men' },
  { breakdown: 'born', minuend: 'born:abroad', subtrahend: 'born:sweden' },
] as const;

/**
 * The share of the distance from baseline to target covered by the latest actual: (actual − baseline) / (target −
 * baseline). The same formula serves falling indicators: baseline 20 %, target 10 %, actual 15 % gives (15 − 20) /
 * (10 − 20) = 0.5. Below 0 the indicator moved away from the target, above 1 it went past it. No answer without all
 * three figures (one may be suppressed) or when target and baseline coincide (no distance to cover).
 */
export function progressTowardTarget(
  baseline: number | null,
  target: number | null,
  actual: number | null,
): number | null {
  if (baseline === null || target === null || actual === null || target === baseline) return null;
  return round((actual - baseline) / (target - baseline), 4);
}

/** Reached when the actual is at or beyond the target in the desired direction. */
export function targetAchieved(
  direction: IndicatorDirection,
  target: number | null,
  actual: number | null,
): boolean | null {
  if (target === null || actual === null) return null;
  return direction === 'increase' ? actual >= target : actual <= target;
}

/**
 * Per cell: the latest baseline, every target with progress toward it from the latest actual, and the actuals in
 * period order (the points arrive ordered by period end). The gaps are taken in the latest period that has any actual.
 */
export function buildSeries(
  direction: IndicatorDirection,
  cells: CellValues[],
): { cells: CellSeries[]; gaps: CellGap[] } {
  const series = cells.map(({ cell, baselines, targets, actuals }): CellSeries => {
    const baseline = baselines.at(-1) ?? null;
    const latest = actuals.at(-1) ?? null;
    return {
      cell,
      baseline,
      latest,
      actuals,
      targets: targets.map((t) => ({
        ...t,
        progress: progressTowardTarget(baseline?.value ?? null, t.value, latest?.value ?? null),
        achieved: targetAchieved(direction, t.value, latest?.value ?? null),
      })),
    };
  });
  return { cells: series, gaps: gapsIn(cells, latestPeriod(cells)) };
}

/** The period of the last actual of the cell whose last actual ends latest (the input order tells, per cell). */
function latestPeriod(cells: CellValues[]): string | null {
  return (
    cells
      .map((c) => c.actuals.at(-1))
      .reduce<{ period: string; end: string } | null>((best, p) => {
        if (!p) return best;
        const end = periodRange(p.period).end;
        return !best || end > best.end ? { period: p.period, end } : best;
      }, null)?.period ?? null
  );
}

function gapsIn(cells: CellValues[], period: string | null): CellGap[] {
  if (period === null) return [];
  const valueOf = (cell: string) => cells.find((c) => c.cell === cell)?.actuals.find((p) => p.period === period);
  return GAP_PAIRS.flatMap(({ breakdown, minuend, subtrahend }) => {
    const a = valueOf(minuend);
    const b = valueOf(subtrahend);
    if (!a && !b) return [];
    const gap = a?.value != null && b?.value != null ? round(a.value - b.value, 4) : null;
    return [{ breakdown, minuend, subtrahend, period, gap }];
  });
}
