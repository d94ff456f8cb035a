import type { components } from '../../../lib/api-schema';

export type FundingCliff = components['schemas']['FundingCliffDto'];
export type CliffInitiative = components['schemas']['CliffInitiativeDto'];
export type CliffLine = components['schemas']['CliffLineDto'];

export type DepartmentRow = {
  /** The department's id; null for initiatives without a lead department. */
  id: string | null;
  code: string | null;
  name: string | null;
  initiativesUndecided: number;
  /** The undecided lines' kronor nothing takes over (the API's notTakenOverSek), as the totals count them. */
  fundingEndingSek: number;
  uncoveredAnnualCostSek: number;
};

export const isUndecided = (line: CliffLine) => line.coverageDecision === 'undecided';

/**
 * The API's cliff totals split by lead department: the same sums the API's totals make (undecided lines' untaken
 * kronor, the initiatives' uncovered annual cost), grouped. Departments with nothing undecided are left out; sorted by
 * uncovered annual cost, largest first, then by name, with "no lead department" last.
 */
export function byDepartment(initiatives: readonly CliffInitiative[]): DepartmentRow[] {
  const rows = new Map<string | null, DepartmentRow>();
  for (const initiative of initiatives) {
    const undecided = initiative.lines.filter(isUndecided);
    if (undecided.length === 0) continue;
    const department = initiative.leadDepartment;
    const key = department?.id ?? null;
    const row = rows.get(key) ?? {
      id: key,
      code: department?.code ?? null,
      name: department?.name ?? null,
      initiativesUndecided: 0,
      fundingEndingSek: 0,
      uncoveredAnnualCostSek: 0,
    };
    row.initiativesUndecided += 1;
    row.fundingEndingSek += undecided.reduce((sum, line) => sum + line.notTakenOverSek, 0);
    row.uncoveredAnnualCostSek += initiative.uncoveredAnnualCostSek ?? 0;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      Number(a.id === null) - Number(b.id === null) ||
      b.uncoveredAnnualCostSek - a.uncoveredAnnualCostSek ||
      (a.name ?? '').localeCompare(b.name ?? '', 'sv'),
  );
}

/** The months of `year` (YYYY-MM) in the cliff that list any initiative, in order. */
export function monthsOfYear(cliff: Pick<FundingCliff, 'months'>, year: number): FundingCliff['months'] {
  return cliff.months.filter((month) => month.month.startsWith(`${year}-`) && month.initiatives.length > 0);
}

/** How many months from `from` (YYYY-MM) reach the end of the year after next: the rest of this budget year and two more. */
export function monthsThroughYearAfterNext(from: string): number {
  return 13 - Number(from.slice(5, 7)) + 24;
}
