import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../lib/format';
import {
  cellLabel,
  indicatorRows,
  indicatorValue,
  isEditable,
  reportFormValues,
  reportPatch,
  type ReportIndicator,
} from './report-form';

const value = (over: Partial<ReportIndicator['values'][number]> = {}): ReportIndicator['values'][number] => ({
  cell: 'all',
  area: 'municipality',
  period: '2025-H1',
  value: 12.5,
  persons: 40,
  suppressed: false,
  ...over,
});

describe('the report form', () => {
  it('should hold a stored report as form values, with empty text for none', () => {
    expect(
      reportFormValues({ ragStatus: null, progress: null, risks: 'Bidraget upphör.', spendingToDateSek: null }),
    ).toEqual({
      ragStatus: null,
      progress: '',
      risks: 'Bidraget upphör.',
      spendingToDateSek: null,
    });
  });

  it('should send emptied text as null and trim the rest, so the API clears a field rather than refusing blank text', () => {
    expect(
      reportPatch({ ragStatus: 'amber', progress: '  Enligt plan. ', risks: '   ', spendingToDateSek: 850_000 }),
    ).toEqual({
      ragStatus: 'amber',
      progress: 'Enligt plan.',
      risks: null,
      spendingToDateSek: 850_000,
    });
  });

  it.each([
    ['pending', true],
    ['returned', true],
    ['submitted', false],
    ['approved', false],
  ] as const)('should let a %s report be written: %s', (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });
});

describe('the indicators for the period', () => {
  it.each([
    ['all', 'Alla'],
    ['sex:women', 'Kvinnor'],
    ['sex:men,born:abroad', 'Män, födda utomlands'],
    ['age_band:16-24', '16–24 år'],
    ['district:KRONOGARDEN', 'KRONOGARDEN'],
  ])('should name the cell %s in words: %s', (cell, label) => {
    expect(cellLabel(cell)).toBe(label);
  });

  it('should write a value with its unit, and a withheld small count as "färre än 5"', () => {
    expect(indicatorValue(value(), 'percent')).toBe('12,5 %');
    expect(indicatorValue(value({ value: 1_234_567 }), 'sek')).toBe(formatMoney(1_234_567));
    expect(indicatorValue(value({ value: 3 }), 'count')).toBe('3');
    expect(indicatorValue(value({ value: null, persons: null, suppressed: true }), 'count')).toBe('färre än 5');
    expect(indicatorValue(undefined, 'count')).toBe('–');
  });

  it('should put Sweden’s figure beside the municipality’s for the same period and cell, keeping the API’s order', () => {
    const indicator: ReportIndicator = {
      indicatorId: 'i',
      code: 'UNGA-SYSS',
      name: 'Unga som varken arbetar eller studerar',
      unit: 'percent',
      direction: 'decrease',
      values: [
        value({ period: '2025-Q2', value: 9 }),
        value({ period: '2025-Q2', area: 'sweden', value: 6 }),
        value({ period: '2025-Q1', value: 10 }),
        value({ cell: 'sex:women', period: '2025-Q2', value: null, persons: null, suppressed: true }),
      ],
    };

    expect(indicatorRows(indicator)).toEqual([
      { period: '2025-Q2', cell: 'Alla', municipality: '9 %', sweden: '6 %' },
      { period: '2025-Q1', cell: 'Alla', municipality: '10 %', sweden: '–' },
      { period: '2025-Q2', cell: 'Kvinnor', municipality: 'färre än 5', sweden: '–' },
    ]);
  });
});
