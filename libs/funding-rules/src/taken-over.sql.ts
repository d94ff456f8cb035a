import { sqlList } from '#common';
import { monthlyShareSql } from './monthly-share.sql.js';

/**
 * Money that was granted: `granted`, or `ended` after it was (its period ran out, or someone closed it). A line that
 * took over from another and has since ended did take over, so the line before it must not come back as a cliff.
 */
export const GRANTED_FUNDING_STATUSES = ['granted', 'ended'] as const;

/**
 * A `CROSS JOIN LATERAL` giving, for funding line `f`, `<alias>.share` — the share (0..1) of it that other money takes
 * over when it ends — and `<alias>.not_taken_over_sek`, the rest of its kronor: the one rule behind "with nothing to
 * take over" in the grant scans, the funding cliff, the portfolio summary and the export.
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
 * OFFSET 0 keeps the planner from copying the subqueries into every place the share is used: it is computed once a line.
 */
export function takenOverJoinSql(f: string, alias: string): string {
  return `CROSS JOIN LATERAL (
      SELECT x.share, round(${f}.amount_sek * (1 - x.share))::bigint AS not_taken_over_sek
        FROM (SELECT ${shareSql(f)} AS share OFFSET 0) x
    ) ${alias}`;
}

function shareSql(f: string): string {
  // One pass over the initiative's granted lines: the new money less what lines ending earlier in the order draw.
  const leftForF = `(
        SELECT COALESCE(sum(${monthlyShareSql('o')}) FILTER (
                 WHERE o.period_start BETWEEN date_trunc('month', ${f}.period_end)::date AND ${f}.period_end + 1 AND o.period_end > ${f}.period_end), 0)
             - COALESCE(sum(${monthlyShareSql('o')}) FILTER (
                 WHERE o.id <> ${f}.id AND date_trunc('month', o.period_end) = date_trunc('month', ${f}.period_end)
                   AND (o.source_type <> 'ordinary_budget', o.period_end, o.id) < (${f}.source_type <> 'ordinary_budget', ${f}.period_end, ${f}.id)), 0)
          FROM funding_lines o
         WHERE o.initiative_id = ${f}.initiative_id AND o.status IN (${sqlList(GRANTED_FUNDING_STATUSES)}))`;
  return `(CASE
      WHEN EXISTS (SELECT 1 FROM funding_lines s
                    WHERE s.id = ${f}.successor_funding_id AND s.status <> 'rejected' AND s.period_start <= ${f}.period_end + 1) THEN 1
      WHEN ${f}.amount_sek = 0 THEN 0
      ELSE LEAST(1, GREATEST(0, ${leftForF}) / ${monthlyShareSql(f)})
    END)::numeric`;
}
