// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { components } from '../../../lib/api-schema';
import { indicatorRow, progressOf, valueText } from './indicator-progress';

type Series = components['schemas']['IndicatorSeriesDto'];

/** A series as GET /indicators/{id}/series answers it, with the API's progress for the one target. */
function series(
  direction: 'increase' | 'decrease',
  figures: { baseline: number; latest: number; target: number; progress: number; achieved: boolean },
): Series {
  return {
    indicator: {
      id: 'a6f1c9d2-0000-4000-8000-000000000001',
      code: 'UNGA-UVAS',
      name: 'Andel unga 16–24 år som varken arbetar eller studerar',
      unit: 'percent',
      direction,
      source: 'kolada',
      ownerDepartmentId: 'a6f1c9d2-0000-4000-8000-000000000002',
      version: 1,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    },
    cells: [
      {
        cell: 'all',
        baseline: { period: '2023', value: figures.baseline, suppressed: false },
        latest: { period: '2025', value: figures.latest, suppressed: false },
        targets: [
          {
            period: '2027',
            value: figures.target,
            suppressed: false,
            progress: figures.progress,
            achieved: figures.achieved,
          },
        ],
        actuals: [],
        sweden: [],
      },
    ],
    gaps: [],
    kolada: [],
  };
}

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('indicator progress', () => {
  it('should call a falling indicator that fell on its way towards the target (UNGA-UVAS 8,9 → 8,1, target 7,0)', () => {
    const row = indicatorRow(
      series('decrease', { baseline: 8.9, latest: 8.1, target: 7.0, progress: 0.42, achieved: false }),
    );

    expect(row.progress.kind).toBe('towards');
    expect(nbsp(row.progress.text)).toBe('På väg mot målet: 42 % av vägen från utgångsvärdet');
    expect(row.better).toBe('Lägre är bättre');
    expect(nbsp(row.baseline)).toBe('8,9 % (2023)');
    expect(nbsp(row.latest)).toBe('8,1 % (2025)');
    expect(nbsp(row.target)).toBe('7 % (2027)');
  });

  it('should call a falling indicator that rose further from the target', () => {
    const row = indicatorRow(
      series('decrease', { baseline: 8.9, latest: 9.4, target: 7.0, progress: -0.26, achieved: false }),
    );

    expect(row.progress).toEqual({ kind: 'away', text: 'Längre från målet än vid utgångsvärdet' });
  });

  it('should call a rising indicator that rose on its way, and one that fell further from the target', () => {
    const up = indicatorRow(
      series('increase', { baseline: 76.4, latest: 76.9, target: 78.5, progress: 0.24, achieved: false }),
    );
    const down = indicatorRow(
      series('increase', { baseline: 76.4, latest: 76.1, target: 78.5, progress: -0.14, achieved: false }),
    );

    expect(up.progress.kind).toBe('towards');
    expect(up.better).toBe('Högre är bättre');
    expect(down.progress.kind).toBe('away');
  });

  it('should say the target is reached when the API says so, in either direction', () => {
    expect(progressOf({ progress: 1.2, achieved: true }).text).toBe('Målet är nått');
    expect(
      indicatorRow(series('decrease', { baseline: 8.9, latest: 6.5, target: 7.0, progress: 1.26, achieved: true }))
        .progress.kind,
    ).toBe('achieved');
  });

  it('should say unchanged at the baseline, and that progress cannot be computed without the figures', () => {
    expect(progressOf({ progress: 0, achieved: false }).kind).toBe('unchanged');
    expect(progressOf({ progress: null, achieved: null }).text).toBe('Kan inte beräknas ännu');
    expect(progressOf(null).kind).toBe('unknown');
  });

  it('should show a small count as suppressed, as the API answers it, and a missing value as missing', () => {
    expect(valueText({ period: '2025', value: null, suppressed: true }, 'count')).toBe('Dolt – färre än 5 personer');
    expect(valueText(null, 'count')).toBe('Saknas');
    expect(nbsp(valueText({ period: '2025', value: 12, suppressed: false }, 'count'))).toBe('12 st. (2025)');
  });
});
