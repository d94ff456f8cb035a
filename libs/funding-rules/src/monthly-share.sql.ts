/**
 * SQL for what a funding line pays a month: its amount spread evenly over the calendar months its period touches
 * (1 Jan–30 Jun is six months, 15 Jan–14 Feb two). The funding cliff, the "taken over" rule (funding_line_facts) and
 * the funding-gap scan share it, so they never disagree about what a line covers. The rule is the database function
 * `funding_monthly_share` (migration FundingLineFacts); each line keeps its result in `monthly_share_sek`, set by a
 * trigger as the line is written (migration FundingLineMonthlyShare), which the sums read. `alias` is the
 * funding_lines alias in the caller's query.
 */
export function monthlyShareSql(alias: string): string {
  return `${alias}.monthly_share_sek`;
}
