import { buildSeries, progressTowardTarget, targetAchieved, type SeriesPoint } from './indicator-series.js';

const p = (period: string, value: number | null, suppressed = false): SeriesPoint => ({ period, value, suppressed });

describe('indicator series', () => {
  describe('progress toward a target', () => {
    it('should measure a rising indicator: baseline 60, target 70, actual 64 → 4 of 10 = 0.4', () => {
      expect(progressTowardTarget(60, 70, 64)).toBe(0.4);
      expect(targetAchieved('increase', 70, 64)).toBe(false);
    });

    it('should measure a falling indicator: baseline 12, target 8, actual 11 → a fall of 1 of 4 = 0.25', () => {
      expect(progressTowardTarget(12, 8, 11)).toBe(0.25);
      expect(targetAchieved('decrease', 8, 11)).toBe(false);
      expect(targetAchieved('decrease', 8, 7.5)).toBe(true);
    });

    it('should go negative when the indicator moves away, above 1 past the target', () => {
      expect(progressTowardTarget(12, 8, 13)).toBe(-0.25);
      expect(progressTowardTarget(60, 70, 73)).toBe(1.3);
    });

    it('should not answer without a figure or when target equals baseline', () => {
      expect(progressTowardTarget(null, 70, 64)).toBeNull();
      expect(progressTowardTarget(60, 70, null)).toBeNull();
      expect(progressTowardTarget(60, 60, 64)).toBeNull();
      expect(targetAchieved('increase', 70, null)).toBeNull();
    });
  });

  it('should give each cell its latest baseline and actual, progress per target, and the gaps of the latest period', () => {
    const { cells, gaps } = buildSeries('decrease', [
      {
        cell: 'all',
        baselines: [p('2023', 12)],
        targets: [p('2025', 10), p('2027', 8)],
        actuals: [p('2024-H1', 11.5), p('2024', 11)],
      },
      { cell: 'sex:men', baselines: [p('2023', 13)], targets: [], actuals: [p('2024', 12.5)] },
      { cell: 'sex:women', baselines: [], targets: [], actuals: [p('2024', 9.5)] },
      { cell: 'born:abroad', baselines: [], targets: [], actuals: [p('2024', null, true)] },
      { cell: 'born:sweden', baselines: [], targets: [], actuals: [p('2024', 8)] },
    ]);

    expect(cells[0]).toEqual({
      cell: 'all',
      baseline: p('2023', 12),
      latest: p('2024', 11),
      actuals: [p('2024-H1', 11.5), p('2024', 11)],
      // (11 − 12) / (10 − 12) = 0.5 and (11 − 12) / (8 − 12) = 0.25
      targets: [
        { ...p('2025', 10), progress: 0.5, achieved: false },
        { ...p('2027', 8), progress: 0.25, achieved: false },
      ],
    });
    expect(gaps).toEqual([
      { breakdown: 'sex', minuend: 'sex:women', subtrahend: 'sex:men', period: '2024', gap: -3 },
      // a suppressed side leaves no gap to compute (it would give the hidden value away)
      { breakdown: 'born', minuend: 'born:abroad', subtrahend: 'born:sweden', period: '2024', gap: null },
    ]);
  });

  it('should have no gaps without actuals in the paired cells', () => {
    expect(
      buildSeries('increase', [{ cell: 'all', baselines: [], targets: [], actuals: [p('2024', 1)] }]).gaps,
    ).toEqual([]);
  });
});
