import { formatNumber, formatPercent } from '../../../lib/format';
import type { components } from '../../../lib/api-schema';
import { initiativeMessages } from '../messages';

type Series = components['schemas']['IndicatorSeriesDto'];
type Point = components['schemas']['SeriesPointDto'];
type Target = components['schemas']['TargetProgressDto'];

export type ProgressKind = 'achieved' | 'towards' | 'unchanged' | 'away' | 'unknown';

/**
 * The API's progress towards a target, in words: `progress` is (latest − baseline) / (target − baseline), 0 at the
 * baseline and 1 at the target whichever way the indicator should move, so a falling indicator that falls is on its
 * way too; `achieved` says the latest value is at or beyond the target in the desired direction.
 */
export function progressOf(target: Pick<Target, 'progress' | 'achieved'> | null): { kind: ProgressKind; text: string } {
  const text = initiativeMessages.indicators;
  if (!target || target.progress === null) return { kind: 'unknown', text: text.unknown };
  if (target.achieved) return { kind: 'achieved', text: text.achieved };
  if (target.progress > 0) return { kind: 'towards', text: text.towards(formatPercent(Math.min(target.progress, 1))) };
  if (target.progress === 0) return { kind: 'unchanged', text: text.unchanged };
  return { kind: 'away', text: text.away };
}

/** A value as the API answers it: withheld when it rests on fewer than five persons and the viewer may not see it. */
export function valueText(point: Pick<Point, 'value' | 'suppressed' | 'period'> | null, unit: string): string {
  const text = initiativeMessages.indicators;
  if (!point) return text.missing;
  if (point.suppressed || point.value === null) return text.suppressed;
  const suffix = text.unit[unit] ?? '';
  const value = suffix ? `${formatNumber(point.value, 1)} ${suffix}` : formatNumber(point.value, 2);
  return text.valueInPeriod(value, point.period);
}

export type IndicatorRow = {
  id: string;
  code: string;
  name: string;
  better: string;
  baseline: string;
  latest: string;
  target: string;
  progress: { kind: ProgressKind; text: string };
};

/**
 * One indicator as the page's table shows it: the whole population's cell (`all`), its baseline, latest value and the
 * last target (the one the initiative aims for in the end).
 */
export function indicatorRow(series: Series): IndicatorRow {
  const { indicator } = series;
  const cell = series.cells.find((c) => c.cell === 'all') ?? series.cells[0];
  const target = cell?.targets.at(-1) ?? null;
  return {
    id: indicator.id,
    code: indicator.code,
    name: indicator.name,
    better: initiativeMessages.indicators.better[indicator.direction] ?? '',
    baseline: valueText(cell?.baseline ?? null, indicator.unit),
    latest: valueText(cell?.latest ?? null, indicator.unit),
    target: valueText(target, indicator.unit),
    progress: progressOf(target),
  };
}
