// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatShortMonth, toCliffRows } from './cliff-series';

const month = (
  m: string,
  fundingEndingSek: number,
  extra: Partial<{
    uncoveredAnnualCostSek: number;
    initiativesUndecided: number;
    initiativesCoverageDecided: number;
  }> = {},
) => ({
  month: m,
  fundingEndingSek,
  uncoveredAnnualCostSek: 0,
  initiativesUndecided: 0,
  initiativesCoverageDecided: 0,
  ...extra,
});

describe('the funding cliff as chart and table rows', () => {
  it('should write months as "jan 2027", without the dot Intl adds', () => {
    expect(formatShortMonth('2027-01')).toBe('jan 2027');
    expect(formatShortMonth('2027-05')).toBe('maj 2027');
    expect(formatShortMonth('2026-12')).toBe('dec 2026');
    expect(() => formatShortMonth('2027-13')).toThrow(RangeError);
  });

  it('should keep every month of the API, in its order, with the same amounts for chart and table', () => {
    const rows = toCliffRows([
      month('2026-12', 10_200_000, { uncoveredAnnualCostSek: 3_400_000, initiativesUndecided: 1 }),
      month('2027-01', 0),
      month('2027-06', 900_000, { initiativesUndecided: 1, initiativesCoverageDecided: 2 }),
    ]);

    expect(rows).toEqual([
      {
        month: '2026-12',
        label: 'dec 2026',
        fundingEndingSek: 10_200_000,
        uncoveredAnnualCostSek: 3_400_000,
        initiativesUndecided: 1,
        initiativesCoverageDecided: 0,
      },
      {
        month: '2027-01',
        label: 'jan 2027',
        fundingEndingSek: 0,
        uncoveredAnnualCostSek: 0,
        initiativesUndecided: 0,
        initiativesCoverageDecided: 0,
      },
      {
        month: '2027-06',
        label: 'juni 2027',
        fundingEndingSek: 900_000,
        uncoveredAnnualCostSek: 0,
        initiativesUndecided: 1,
        initiativesCoverageDecided: 2,
      },
    ]);
  });
});
