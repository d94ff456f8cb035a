import type { components } from '../../../lib/api-schema';

type CliffMonth = components['schemas']['CliffMonthTotalsDto'];

/** One month of the funding cliff as both the chart and the table show it: the same numbers, from one mapping. */
export type CliffRow = {
  /** `2027-01`, as the API names it. */
  month: string;
  /** `jan 2027`. */
  label: string;
  /** Temporary kronor ending in the month with coverage undecided, less what other lines take over. */
  fundingEndingSek: number;
  uncoveredAnnualCostSek: number;
  initiativesUndecided: number;
  initiativesCoverageDecided: number;
};

const shortMonth = new Intl.DateTimeFormat('sv-SE', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2027-01` → `jan 2027` (Intl writes `jan. 2027`; the dot only adds noise in a table of months). */
export function formatShortMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const number = Number(match?.[2]);
  if (!match || number < 1 || number > 12) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return shortMonth.format(Date.UTC(Number(match[1]), number - 1, 1)).replace('.', '');
}

/** The API's months, in its order, as rows for the chart and the table. */
export function toCliffRows(months: readonly CliffMonth[]): CliffRow[] {
  return months.map((m) => ({
    month: m.month,
    label: formatShortMonth(m.month),
    fundingEndingSek: m.fundingEndingSek,
    uncoveredAnnualCostSek: m.uncoveredAnnualCostSek,
    initiativesUndecided: m.initiativesUndecided,
    initiativesCoverageDecided: m.initiativesCoverageDecided,
  }));
}
