import { describe, expect, it } from 'vitest';
import { plainText } from '../../../testing/plain-text';
import { pointText, swedenBeside, targetText } from './key-figures';

const target = (progress: number | null, achieved: boolean | null) => ({
  period: '2030',
  value: 80,
  suppressed: false,
  progress,
  achieved,
});

describe('Nyckeltal in words', () => {
  it('should say a value with its period, a withheld small count, or that there is none', () => {
    expect(plainText(pointText({ period: '2024', value: 12.34, suppressed: false }, 'percent'))).toBe('12,3 % (2024)');
    expect(pointText({ period: '2024', value: null, suppressed: true }, 'percent')).toBe('färre än 5 personer (2024)');
    expect(pointText({ period: '2024', value: 61 }, 'count')).toBe('61 (2024)');
    expect(pointText(null, 'percent')).toBe('saknas');
  });

  it("should set Sweden's figure of the same period beside the latest, else Sweden's latest", () => {
    const sweden = [
      { period: '2023', value: 60 },
      { period: '2024', value: 61 },
      { period: '2025', value: 62 },
    ];
    expect(
      swedenBeside({
        cell: 'all',
        baseline: null,
        latest: { period: '2024', value: 50, suppressed: false },
        targets: [],
        actuals: [],
        sweden,
      }),
    ).toEqual(sweden[1]);
    expect(swedenBeside({ cell: 'all', baseline: null, latest: null, targets: [], actuals: [], sweden })).toEqual(
      sweden[2],
    );
  });

  it('should say how far the latest value has come toward a target, or that it is reached', () => {
    expect(plainText(targetText(target(0.25, false), 'percent'))).toBe('80 % till 2030: 25 % av vägen från baslinjen');
    expect(plainText(targetText(target(1.2, true), 'percent'))).toBe('80 % till 2030: målet är nått');
    expect(plainText(targetText(target(null, null), 'percent'))).toBe('80 % till 2030: framsteg kan inte räknas');
  });
});
