import type { components } from '../../../lib/api-schema';
import type { FundingCliffTotals } from '../../../lib/use-funding-cliff-totals';

export type CliffInitiative = components['schemas']['CliffInitiativeDto'];
export type CliffLine = components['schemas']['CliffLineDto'];
export type CliffDepartmentTotals = components['schemas']['CliffDepartmentTotalsDto'];
type CliffCounts = Pick<CliffDepartmentTotals, 'initiativesUndecided' | 'initiativesCoverageDecided'>;

/** A group of the cliff whose initiatives the page opens: a month's, or the open cliffs before the window from `from`. */
export type CliffGroup = { kind: 'month'; month: string } | { kind: 'earlier'; from: string };

export const isUndecided = (line: CliffLine) => line.coverageDecision === 'undecided';

/** How many initiatives a group lists: those counted in its kronor and those with every line decided. */
export const initiativesIn = (totals: CliffCounts) => totals.initiativesUndecided + totals.initiativesCoverageDecided;

/** The departments of a group's table: those with an initiative still undecided, in the API's order. */
export const undecidedDepartments = (departments: readonly CliffDepartmentTotals[]) =>
  departments.filter((row) => row.initiativesUndecided > 0);

/** The months of `year` (YYYY-MM) in the cliff that list any initiative, in order. */
export function monthsOfYear(cliff: Pick<FundingCliffTotals, 'months'>, year: number): FundingCliffTotals['months'] {
  return cliff.months.filter((month) => month.month.startsWith(`${year}-`) && initiativesIn(month) > 0);
}

/** How many months from `from` (YYYY-MM) reach the end of the year after next: the rest of this budget year and two more. */
export function monthsThroughYearAfterNext(from: string): number {
  return 13 - Number(from.slice(5, 7)) + 24;
}
