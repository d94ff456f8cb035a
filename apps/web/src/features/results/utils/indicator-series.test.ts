// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { resultsMessages } from '../messages';
import { cellKey, cellLabel, chartPoints, formatFigure, importErrors, periodEnd, seriesRows } from './indicator-series';

const point = (period: string, value: number | null, suppressed = false) => ({ period, value, suppressed });

describe('seriesRows', () => {
  // A rate to be reduced: baseline 14.2 in 2024, targets falling to 10 by 2028.
  const cell = {
    cell: 'all',
    baseline: point('2024', 14.2),
    latest: point('2025', 13.5),
    actuals: [point('2024-H1', 14.4), point('2025', 13.5), point('2024', 14.0)],
    targets: [
      { ...point('2028', 10), progress: null, achieved: null },
      { ...point('2026', 12), progress: 0.32, achieved: false },
    ],
    sweden: [{ period: '2024', value: 11.9 }],
  };

  it('should put the baseline, actuals, targets and Sweden’s figures of a period in one row, ordered by when the period ends', () => {
    expect(seriesRows(cell)).toEqual([
      { period: '2024-H1', baseline: null, actual: 14.4, target: null, sweden: null },
      { period: '2024', baseline: 14.2, actual: 14.0, target: null, sweden: 11.9 },
      { period: '2025', baseline: null, actual: 13.5, target: null, sweden: null },
      { period: '2026', baseline: null, actual: null, target: 12, sweden: null },
      { period: '2028', baseline: null, actual: null, target: 10, sweden: null },
    ]);
  });

  it('should keep a withheld figure as withheld in the table and a gap in the chart, never a number', () => {
    const rows = seriesRows({ ...cell, baseline: null, actuals: [point('2025', null, true)], targets: [], sweden: [] });

    expect(rows).toEqual([{ period: '2025', baseline: null, actual: 'suppressed', target: null, sweden: null }]);
    expect(chartPoints(rows)).toEqual([{ period: '2025', actual: null, target: null, sweden: null }]);
    expect(formatFigure(rows[0]!.actual, 'percent')).toBe('färre än 5');
  });
});

describe('periodEnd', () => {
  it('should order halves, quarters and months by their last day', () => {
    const periods = ['2024', '2024-Q3', '2024-05', '2024-H1', '2023'];
    expect([...periods].sort((a, b) => periodEnd(a).localeCompare(periodEnd(b)))).toEqual([
      '2023',
      '2024-05',
      '2024-H1',
      '2024-Q3',
      '2024',
    ]);
  });
});

describe('formatFigure', () => {
  it('should write the unit the Swedish way', () => {
    expect(formatFigure(12.5, 'percent')).toBe('12,5 %');
    expect(formatFigure(3, 'per_1000')).toBe('3 ‰');
    expect(formatFigure(1234567, 'sek')).toMatch(/^1\s234\s567\skr$/);
    expect(formatFigure(null, 'count')).toBe('–');
  });
});

describe('cellLabel and cellKey', () => {
  it('should name a cell in words, districts by name', () => {
    expect(cellLabel('all')).toBe('Alla');
    expect(cellLabel('sex:women,born:abroad')).toBe('Kvinnor, födda utomlands');
    expect(cellLabel('age_band:16-24,district:KRONOGARDEN', new Map([['KRONOGARDEN', 'Kronogården']]))).toBe(
      '16–24 år, Kronogården',
    );
  });

  it('should make the API’s key from one choice per breakdown, leaving out the ones for everybody', () => {
    expect(cellKey({ sex: 'women', born: 'all', age_band: ' ', district: null })).toBe('sex:women');
    expect(cellKey({ sex: 'all' })).toBe('all');
  });
});

describe('importErrors', () => {
  it('should give each refused line its number and column, in file order, in Swedish where the message is known', () => {
    const errors = importErrors({
      errors: [
        { field: 'lines[4]', message: 'repeats line 2 (same period, cell and kind)' },
        {
          field: 'lines[3].period',
          message: 'period must be a year, half, quarter or month: 2024, 2024-H1, 2024-Q3 or 2024-05',
        },
        { field: 'lines[3].cell', message: 'something new' },
      ],
    });

    expect(errors).toEqual([
      { line: 3, column: 'period', message: resultsMessages.apiMessages[0]![1] },
      { line: 3, column: 'cell', message: 'something new' },
      { line: 4, column: null, message: 'Upprepar rad 2 (samma period, cell och slags värde).' },
    ]);
  });
});
