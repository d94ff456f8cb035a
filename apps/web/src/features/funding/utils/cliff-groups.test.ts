import { describe, expect, it } from 'vitest';
import { monthsOfYear, monthsThroughYearAfterNext, undecidedDepartments } from './cliff-groups';

const totals = (initiativesUndecided: number, initiativesCoverageDecided = 0) => ({
  fundingEndingSek: initiativesUndecided * 100,
  uncoveredAnnualCostSek: initiativesUndecided * 1_000,
  initiativesUndecided,
  initiativesCoverageDecided,
});

describe('monthsOfYear', () => {
  it('should keep the months of the year that list an initiative, decided or not', () => {
    const months = [
      { month: '2026-12', ...totals(1) },
      { month: '2027-01', ...totals(0) },
      { month: '2027-02', ...totals(2) },
      { month: '2027-03', ...totals(0, 1) },
      { month: '2028-01', ...totals(1) },
    ];
    expect(monthsOfYear({ months }, 2027).map((m) => m.month)).toEqual(['2027-02', '2027-03']);
  });
});

describe('undecidedDepartments', () => {
  it('should leave out the departments whose every initiative has a decision, and keep the order', () => {
    const department = (code: string) => ({ id: code, code, name: code });
    const rows = [
      { department: department('UTB'), ...totals(2) },
      { department: department('KFF'), ...totals(0, 3) },
      { department: null, ...totals(1) },
    ];
    expect(undecidedDepartments(rows).map((row) => row.department?.code ?? null)).toEqual(['UTB', null]);
  });
});

describe('monthsThroughYearAfterNext', () => {
  it('should reach December of the year after next', () => {
    expect(monthsThroughYearAfterNext('2026-12')).toBe(25);
    expect(monthsThroughYearAfterNext('2027-01')).toBe(36);
  });
});
