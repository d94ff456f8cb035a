import { html, type SafeHtml } from './html.js';

export type ChartBar = { label: string; value: number; valueLabel: string; color?: string };

const WIDTH = 640;
const INK = '#1f3b57';
const MUTED = '#5b6b7a';

/** A label cut to fit beside a bar; the whole text stays in the element's tooltip. */
function fit(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function frame(title: string, height: number, body: SafeHtml | SafeHtml[]): SafeHtml {
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${title}" font-family="sans-serif" font-size="12"><title>${title}</title>${body}</svg>`;
}

function empty(title: string, message: string): SafeHtml {
  return frame(title, 40, html`<text x="8" y="24" fill="${MUTED}">${message}</text>`);
}

/**
 * Horizontal bars, one row per item, scaled to the largest value: made for long Swedish labels (priority areas,
 * departments), which a column chart would have to tilt.
 */
export function barChart(title: string, bars: readonly ChartBar[], whenEmpty = 'Inget att visa.'): SafeHtml {
  if (bars.length === 0) return empty(title, whenEmpty);
  const labelWidth = 250;
  const barSpace = WIDTH - labelWidth - 100;
  const row = 26;
  const max = Math.max(...bars.map((b) => b.value));
  const rows = bars.map((bar, i) => {
    const y = i * row;
    const width = max > 0 ? Math.round((bar.value / max) * barSpace) : 0;
    return html`<g><title>${bar.label}: ${bar.valueLabel}</title>
<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" fill="${INK}">${fit(bar.label, 38)}</text>
<rect x="${labelWidth}" y="${y + 5}" width="${width}" height="${row - 10}" fill="${bar.color ?? INK}"/>
<text x="${labelWidth + width + 6}" y="${y + 17}" fill="${MUTED}">${bar.valueLabel}</text></g>`;
  });
  return frame(title, bars.length * row + 4, rows);
}

export type ChartColumn = { month: string; value: number; valueLabel: string };

const MONTH_LETTERS = ['j', 'f', 'm', 'a', 'm', 'j', 'j', 'a', 's', 'o', 'n', 'd'];
/** Room a year label takes under the axis (four digits at the chart's font size, and a gap). */
const YEAR_LABEL_WIDTH = 34;

/**
 * One column per month (YYYY-MM), scaled to the largest value, with the month's initial under it and the year under
 * each January and the first month: a funding cliff reads as a skyline over the budget years. The first month's year
 * is left out when the next January is too close for both to be read (a window from December).
 */
export function monthColumnChart(title: string, columns: readonly ChartColumn[], whenEmpty: string): SafeHtml {
  if (!columns.some((c) => c.value > 0)) return empty(title, whenEmpty);
  const plotTop = 18;
  const plotHeight = 150;
  const step = (WIDTH - 16) / columns.length;
  const max = Math.max(...columns.map((c) => c.value));
  const monthsToJanuary = 12 - (Number(columns[0].month.slice(5, 7)) - 1);
  const firstYearFits = monthsToJanuary >= columns.length || monthsToJanuary * step >= YEAR_LABEL_WIDTH;
  const bars = columns.map((column, i) => {
    const x = 8 + i * step;
    const height = Math.round((column.value / max) * plotHeight);
    const monthIndex = Number(column.month.slice(5, 7)) - 1;
    const baseline = plotTop + plotHeight;
    return html`<g><title>${column.month}: ${column.valueLabel}</title>
<rect x="${x + 2}" y="${baseline - height}" width="${Math.max(step - 4, 1)}" height="${height}" fill="${INK}"/>
<text x="${x + step / 2}" y="${baseline + 14}" text-anchor="middle" fill="${MUTED}">${MONTH_LETTERS[monthIndex]}</text>
${((i === 0 && firstYearFits) || monthIndex === 0) && html`<text x="${x + 2}" y="${baseline + 30}" fill="${INK}">${column.month.slice(0, 4)}</text>`}</g>`;
  });
  const axis = html`<line x1="8" y1="${plotTop + plotHeight}" x2="${WIDTH - 8}" y2="${plotTop + plotHeight}" stroke="${MUTED}"/>`;
  const peak = html`<text x="8" y="12" fill="${MUTED}">Högsta månad: ${columns.find((c) => c.value === max)!.valueLabel}</text>`;
  return frame(title, plotTop + plotHeight + 36, [peak, ...bars, axis]);
}
