/**
 * Money that was granted: `granted`, or `ended` after it was (its period ran out, or someone closed it). A line that
 * took over from another and has since ended did take over, so the line before it must not come back as a cliff.
 */
export const GRANTED_FUNDING_STATUSES = ['granted', 'ended'] as const;

/**
 * A join giving, for funding line `f`, `<alias>.share` — the share (0..1) of it that other money takes over when it
 * ends — and `<alias>.not_taken_over_sek`, the rest of its kronor: the one rule behind "with nothing to take over" in
 * the grant scans, the funding cliff, the portfolio summary, the initiative list and the export.
 *
 * - Its explicit successor (`successor_funding_id`), applied for or granted (anything but rejected), that starts by
 *   the day after `f` ends takes over all of it: someone has said what comes next.
 * - Otherwise granted lines of the same initiative (GRANTED_FUNDING_STATUSES; any source, the ordinary budget too)
 *   that start in `f`'s last month or on the day after its end, and run on past it, take over what they pay a month
 *   (monthlyShareSql), up to what `f` paid. A line starting later leaves a gap; a line that was already running
 *   alongside `f` before its last month was paying its own share, so it replaces nothing; an applied-for line is
 *   not money yet.
 * - Lines of the initiative ending in the same month draw on that new money in turn — ordinary-budget lines first
 *   (next year's frame continues this year's frame, it does not replace a grant), then by end date and id — so
 *   the same kronor never cover two lines.
 *
 * The share depends only on the lines of the initiative, never on the day, so it is kept per line in
 * `funding_line_facts`, recomputed by triggers on `funding_lines` in the writing transaction from the rule's one
 * definition, the view `funding_line_facts_computed` (migration FundingLineFacts). Every funding line has its row.
 */
export function takenOverJoinSql(f: string, alias: string): string {
  return `JOIN funding_line_facts ${alias} ON ${alias}.funding_id = ${f}.id`;
}
