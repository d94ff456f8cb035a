import { describe, expect, it } from 'vitest';
import {
  byDepartment,
  monthsOfYear,
  monthsThroughYearAfterNext,
  type CliffInitiative,
  type CliffLine,
} from './cliff-departments';

const ASF = { id: 'asf', code: 'ASF', name: 'Arbetsmarknads- och socialförvaltningen' };
const UTB = { id: 'utb', code: 'UTB', name: 'Utbildningsförvaltningen' };

function line(notTakenOverSek: number, coverageDecision: CliffLine['coverageDecision'] = 'undecided'): CliffLine {
  return {
    id: `l${notTakenOverSek}`,
    sourceType: 'state_grant',
    funder: 'Länsstyrelsen',
    amountSek: notTakenOverSek,
    notTakenOverSek,
    periodEnd: '2027-06-30',
    coverageDecision,
  };
}

function initiative(
  code: string,
  leadDepartment: CliffInitiative['leadDepartment'],
  lines: CliffLine[],
  uncoveredAnnualCostSek: number | null,
): CliffInitiative {
  const coverageDecided = lines.every((l) => l.coverageDecision !== 'undecided');
  return {
    id: code,
    code,
    title: code,
    leadDepartment,
    annualCostSek: uncoveredAnnualCostSek,
    lines,
    coverageDecided,
    uncoveredAnnualCostSek: coverageDecided ? 0 : uncoveredAnnualCostSek,
  };
}

describe('byDepartment', () => {
  it('should sum the undecided lines and uncovered annual cost per lead department, largest first, none last', () => {
    const rows = byDepartment([
      initiative('A', ASF, [line(100), line(50, 'ordinary_budget')], 1_000),
      initiative('B', UTB, [line(300)], 5_000),
      initiative('C', ASF, [line(200)], null),
      initiative('D', null, [line(7)], 9_000),
    ]);
    expect(rows).toEqual([
      {
        id: 'utb',
        code: 'UTB',
        name: UTB.name,
        initiativesUndecided: 1,
        fundingEndingSek: 300,
        uncoveredAnnualCostSek: 5_000,
      },
      {
        id: 'asf',
        code: 'ASF',
        name: ASF.name,
        initiativesUndecided: 2,
        fundingEndingSek: 300,
        uncoveredAnnualCostSek: 1_000,
      },
      { id: null, code: null, name: null, initiativesUndecided: 1, fundingEndingSek: 7, uncoveredAnnualCostSek: 9_000 },
    ]);
  });

  it('should leave out initiatives whose every line has a decision', () => {
    expect(byDepartment([initiative('A', ASF, [line(100, 'phase_out')], 1_000)])).toEqual([]);
  });
});

describe('monthsOfYear', () => {
  it('should keep the months of the year that list an initiative', () => {
    const month = (m: string, count: number) => ({
      month: m,
      initiatives: Array.from({ length: count }, () => initiative('X', ASF, [line(1)], 1)),
      fundingEndingSek: 0,
      uncoveredAnnualCostSek: 0,
      initiativesUndecided: count,
      initiativesCoverageDecided: 0,
    });
    const months = [month('2026-12', 1), month('2027-01', 0), month('2027-02', 2), month('2028-01', 1)];
    expect(monthsOfYear({ months }, 2027).map((m) => m.month)).toEqual(['2027-02']);
  });
});

describe('monthsThroughYearAfterNext', () => {
  it('should reach December of the year after next', () => {
    expect(monthsThroughYearAfterNext('2026-12')).toBe(25);
    expect(monthsThroughYearAfterNext('2027-01')).toBe(36);
  });
});
