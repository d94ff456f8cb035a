/**
 * SQL for what a funding line pays a month: its amount spread evenly over the calendar months its period touches
 * (1 Jan–30 Jun is six months, 15 Jan–14 Feb two). The funding cliff and the funding-gap scan share it, so the two
 * never disagree about what a line covers. `alias` is the funding_lines alias in the caller's query.
 */
export function monthlyShareSql(alias: string): string {
  const months = `((date_part('year', ${alias}.period_end) - date_part('year', ${alias}.period_start)) * 12 + date_part('month', ${alias}.period_end) - date_part('month', ${alias}.period_start) + 1)`;
  return `(${alias}.amount_sek::numeric / ${months}::numeric)`;
}
