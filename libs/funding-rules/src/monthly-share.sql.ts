/**
 * SQL for what a funding line pays a month: its amount spread evenly over the calendar months its period touches
 * (1 Jan–30 Jun is six months, 15 Jan–14 Feb two). The funding cliff, the "taken over" rule (funding_line_facts) and
 * the funding-gap scan share it, so they never disagree about what a line covers. The rule is the database function
 * `funding_monthly_share` (migration FundingLineFacts), which the planner inlines. `alias` is the funding_lines alias
 * in the caller's query.
 */
export function monthlyShareSql(alias: string): string {
  return `funding_monthly_share(${alias}.amount_sek, ${alias}.period_start, ${alias}.period_end)`;
}
