import { formatPercent } from '../../../lib/format';
import type { KeyFigure } from '../api/key-figure-queries';
import { goalsMessages } from '../messages';
import { formatIndicatorValue } from './goal-tree';

const t = goalsMessages.keyFigures;
type Series = KeyFigure['series'];
type Unit = KeyFigure['indicator']['unit'];

/** A value with its period, a withheld small count said as such, or that there is none. */
export function pointText(point: Series['latest'] | Series['sweden'][number] | undefined, unit: Unit): string {
  if (!point) return t.none;
  if ('suppressed' in point && point.suppressed) return t.valueIn(t.suppressed, point.period);
  return point.value === null ? t.none : t.valueIn(formatIndicatorValue(point.value, unit), point.period);
}

/** Sweden's figure to set beside the latest: of the same period when there is one, else Sweden's latest. */
export function swedenBeside(series: Series): Series['sweden'][number] | undefined {
  return series.sweden.find((point) => point.period === series.latest?.period) ?? series.sweden.at(-1);
}

/** One target and how far the latest value has come toward it from the baseline, in words. */
export function targetText(target: Series['targets'][number], unit: Unit): string {
  const goal = t.target(target.value === null ? t.suppressed : formatIndicatorValue(target.value, unit), target.period);
  if (target.achieved) return `${goal}: ${t.achieved}`;
  return `${goal}: ${target.progress === null ? t.noProgress : t.progress(formatPercent(target.progress))}`;
}
