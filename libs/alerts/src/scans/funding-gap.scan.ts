import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '#common';
import { monthlyShareSql } from '#funding-rules';
import type { AlertScan, ScanCounts } from './alert-scan.js';
import { applyFindings } from './apply-findings.js';
import { kronorSql as kronor } from './kronor.sql.js';

/** Which of the scan's months (0 = asOf's month) a date falls in: months since asOf's, negative before it. */
const monthIndex = (date: string) =>
  `((date_part('year', ${date}) - date_part('year', $1::date)) * 12 + date_part('month', ${date}) - date_part('month', $1::date))::int`;

/**
 * A gap's severity by its share of the initiative's annual cost. A quarter of a year's cost unpaid is more than an
 * administration can absorb in its own frame, so the leadership group hears of it (critical); from 5 % — the size
 * of deviation a head of department is expected to explain in the year's forecast — the head does (warning); less
 * is the process owner's to tidy up (info).
 */
export const FUNDING_GAP_SHARES = { critical: 0.25, warning: 0.05 } as const;

/**
 * For the rest of asOf's year (from asOf's month on) and the next budget year: the part of each approved or active
 * initiative's annual cost that its funding does not pay, month by month. A month costs annualCostSek / 12 while the
 * initiative runs in it (start and end dates); a line pays its amount spread evenly over the months of its period
 * (monthlyShareSql) and counts when granted, or when it is ordinary-budget money not rejected or ended (the
 * municipality's own frame, applied for in the budget process). Surplus in one month does not fill another. A line
 * taking over from another (#funding's takenOverJoinSql) needs no rule here: what it pays lands in its own months.
 *
 * One alert per initiative and year, amount_sek the uncovered kronor, only from FUNDING_GAP_MIN_SEK on: a gap of a
 * few thousand kronor (month spreading, a frame a little short) is no reason to mail anyone. Its severity is its
 * materiality, the gap against the annual cost (FUNDING_GAP_SHARES), the same in either year: a kronor figure means
 * as much in December as in January. As money is granted or the gap grows, the next scan moves the severity down or
 * up (it follows the gap, unlike the ladders that only climb); a gap covered, or shrunk below the floor, resolves.
 */
@Injectable()
export class FundingGapScan implements AlertScan {
  readonly name = 'funding_gap' as const;

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  run(em: EntityManager, asOf: string): Promise<ScanCounts> {
    const sql = `
      WITH months AS MATERIALIZED (
        -- From asOf's month (n = 0) to December next year, counted in integers: PostgreSQL cannot estimate a series
        -- of dates, guesses 1,000 rows for these at most 24, and then plans the whole statement as if it were huge
        -- (bench/README.md, grant-expiry scan). Each month's first day and the next month's are worked out here once,
        -- not for every initiative and month the join below compares.
        SELECT n, month, (month + interval '1 month')::date AS next_month
          FROM (SELECT n, (date_trunc('month', $1::date) + n * interval '1 month')::date AS month
                  FROM generate_series(0, 24 - date_part('month', $1::date)::int) AS n) s
      ),
      costs AS (
        SELECT i.id AS initiative_id, m.n, m.month, i.annual_cost_sek::numeric / 12 AS cost
          FROM initiatives i
          JOIN months m ON (i.start_date IS NULL OR i.start_date < m.next_month)
                       AND (i.end_date IS NULL OR i.end_date >= m.month)
         WHERE i.status IN ('approved', 'active') AND i.annual_cost_sek > 0
      ),
      paying AS MATERIALIZED (
        -- Each paying line of an initiative with a cost once, with what it pays a month and the first and last of
        -- the months above that its period touches: at a million lines, working the share out and comparing dates
        -- once a line and month took most of the scan (bench/README.md, at a million funding lines). The condition on
        -- status is ix_funding_lines_paying's own, so the lines come from that index alone.
        SELECT f.initiative_id, ${monthlyShareSql('f')} AS paid,
               ${monthIndex('f.period_start')} AS first_n, ${monthIndex('f.period_end')} AS last_n
          FROM funding_lines f
          JOIN initiatives i ON i.id = f.initiative_id
         WHERE (f.status = 'granted' OR (f.source_type = 'ordinary_budget' AND f.status = 'applied'))
           AND i.status IN ('approved', 'active') AND i.annual_cost_sek > 0
           AND f.period_end >= date_trunc('month', $1::date)
           AND f.period_start < date_trunc('year', $1::date) + interval '2 years'
      ),
      steps AS (
        -- What an initiative's lines pay a month changes by: up by a line's share in the first of the months it pays,
        -- down in the month after its last. Two rows a line instead of one a line and month (891,000 at a million).
        SELECT initiative_id, GREATEST(first_n, 0) AS n, paid AS change FROM paying
        UNION ALL
        SELECT initiative_id, last_n + 1, -paid FROM paying WHERE last_n < 24 - date_part('month', $1::date)::int
      ),
      months_paid AS (
        -- Each month's cost beside the running sum of the changes up to it: what the initiative's lines pay that month.
        SELECT initiative_id, month, cost, sum(change) OVER (PARTITION BY initiative_id ORDER BY n) AS paid
          FROM (SELECT initiative_id, n, month, cost, 0::numeric AS change FROM costs
                UNION ALL
                SELECT initiative_id, n, NULL, NULL, change FROM steps) x
      ),
      gaps AS (
        SELECT c.initiative_id, date_part('year', c.month)::int AS year,
               round(sum(GREATEST(0, c.cost - c.paid)))::bigint AS gap,
               min(c.month) FILTER (WHERE c.cost > c.paid) AS first_short_month
          FROM months_paid c
         WHERE c.cost IS NOT NULL
         GROUP BY 1, 2
      )
      SELECT 'funding_gap:' || g.initiative_id || ':' || g.year AS dedupe_key,
             CASE WHEN g.gap >= i.annual_cost_sek * $3::numeric THEN 'critical'
                  WHEN g.gap >= i.annual_cost_sek * $4::numeric THEN 'warning'
                  ELSE 'info' END AS severity,
             g.initiative_id,
             NULL::uuid AS funding_id,
             i.lead_department_id AS department_id,
             left('Ofinansierat ' || g.year || ': ' || ${kronor('g.gap')} || ' kr för ' || i.title, 300) AS title,
             i.title || ' (' || i.code || '): ' || ${kronor('g.gap')} || ' kr av årskostnaden ' || ${kronor('i.annual_cost_sek')} ||
               ' kr (' || round(100.0 * g.gap / i.annual_cost_sek) || ' %) täcks inte av beviljad finansiering eller ram ' ||
               CASE WHEN g.year = date_part('year', $1::date) THEN 'under resten av ' || g.year ELSE 'under budgetåret ' || g.year END ||
               ', räknat per månad från ' || to_char(g.first_short_month, 'YYYY-MM') || '.' AS detail,
             g.first_short_month AS due_date,
             g.gap AS amount_sek
        FROM gaps g
        JOIN initiatives i ON i.id = g.initiative_id
       WHERE g.gap > 0 AND g.gap >= $2::bigint`;
    return applyFindings(
      em,
      this.name,
      asOf,
      {
        sql,
        params: [
          asOf,
          this.config.get('FUNDING_GAP_MIN_SEK', { infer: true }),
          FUNDING_GAP_SHARES.critical,
          FUNDING_GAP_SHARES.warning,
        ],
      },
      { severityFollowsCause: true },
    );
  }
}
