/** A budget period is a calendar month, `YYYY-MM`; years outside 2000–2099 are typos, not budgets. */
const PERIOD_PATTERN = /^(20\d\d)-(0[1-9]|1[0-2])$/;

/** The month's first day (`2026-03-01`), as stored; null when `value` is not a period. */
export function parsePeriod(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = PERIOD_PATTERN.exec(value);
  return match ? `${match[1]}-${match[2]}-01` : null;
}
