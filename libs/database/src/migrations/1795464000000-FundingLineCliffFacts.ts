import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  FACTS_VIEW_SQL,
  FACT_COLUMNS,
  RULE_COLUMNS,
  TAKEN_OVER_SHARE_SQL,
  refreshFunctionSql,
} from './1795457000000-FundingLineFacts.js';

/**
 * Issue 17: `funding_line_facts` also keeps what the funding cliff reads of a line, so the cliff's statements read
 * the facts alone (a partial covering index) instead of each candidate line, its facts row (5,500 probes) and, per
 * entry, the initiative's granted lines running the month after (4,500 lookups). The totals' statement at 20,000
 * initiatives (a copy of samla_bench_q, p50 of 31 runs on a busy machine): 64–74 → 32–36 ms.
 *
 * - `cover_after_end_sek`: what the initiative's granted lines running on the first day of the month after this
 *   line's end month pay a year (round(sum(monthly share × 12)), 0 when none): the cover the cliff measures an entry
 *   inside its window against. It depends only on the initiative's lines, like the share.
 * - Copies of the line's `period_end` and `coverage_decision`, and `granted_temporary` (temporary money, not
 *   ordinary_budget, that was granted: status granted or ended), the cliff's choice of lines.
 *
 * The view `funding_line_facts_computed` stays the one from-scratch definition; the trigger function now also
 * recomputes on a coverage decision. `ix_initiatives_followed` covers what the cliff reads of an approved or active
 * initiative (its end date and annual cost), so the cliff reads its 11,000 index entries instead of the whole heap.
 */
export class FundingLineCliffFacts1795464000000 implements MigrationInterface {
  name = 'FundingLineCliffFacts1795464000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "funding_line_facts"
        ADD "cover_after_end_sek" bigint, ADD "period_end" date, ADD "coverage_decision" character varying(30),
        ADD "granted_temporary" boolean`);
    await queryRunner.query(`
      CREATE OR REPLACE VIEW funding_line_facts_computed AS
        SELECT f.id AS funding_id, f.initiative_id, x.share, round(f.amount_sek * (1 - x.share))::bigint AS not_taken_over_sek,
               COALESCE(cover.per_year, 0)::bigint AS cover_after_end_sek, f.period_end, f.coverage_decision,
               f.source_type <> 'ordinary_budget' AND f.status IN ('granted', 'ended') AS granted_temporary
          FROM funding_lines f
          CROSS JOIN LATERAL (
${TAKEN_OVER_SHARE_SQL}
          ) x
          CROSS JOIN LATERAL (
            SELECT round(sum(funding_monthly_share(o.amount_sek, o.period_start, o.period_end) * 12)) AS per_year
              FROM funding_lines o
             WHERE o.initiative_id = f.initiative_id AND o.status = 'granted'
               AND o.period_start <= (date_trunc('month', f.period_end)::date + interval '1 month')::date
               AND o.period_end >= (date_trunc('month', f.period_end)::date + interval '1 month')::date
          ) cover`);
    await queryRunner.query(`CREATE OR REPLACE ${refreshFunctionSql(CLIFF_FACT_COLUMNS, CLIFF_WATCHED_COLUMNS)}`);
    // Written afresh rather than updated in place: one version of each row.
    await queryRunner.query(`TRUNCATE funding_line_facts`);
    await queryRunner.query(`
      INSERT INTO funding_line_facts (${CLIFF_FACT_COLUMNS.join(', ')})
      SELECT * FROM funding_line_facts_computed`);
    await queryRunner.query(`
      ALTER TABLE "funding_line_facts"
        ALTER "cover_after_end_sek" SET NOT NULL, ALTER "period_end" SET NOT NULL,
        ALTER "coverage_decision" SET NOT NULL, ALTER "granted_temporary" SET NOT NULL`);
    // The cliff's candidate lines by end, with everything its totals read: partial on what no cliff counts (money
    // that is not temporary or was never granted, and lines fully taken over).
    await queryRunner.query(
      `CREATE INDEX "ix_funding_line_facts_cliff" ON "funding_line_facts" ("period_end") INCLUDE ("funding_id", "initiative_id", "coverage_decision", "not_taken_over_sek", "cover_after_end_sek") WHERE granted_temporary AND share < 1`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_initiatives_followed" ON "initiatives" ("id") INCLUDE ("end_date", "annual_cost_sek") WHERE status IN ('approved', 'active')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_initiatives_followed"`);
    await queryRunner.query(`DROP INDEX "ix_funding_line_facts_cliff"`);
    await queryRunner.query(`CREATE OR REPLACE ${refreshFunctionSql(FACT_COLUMNS, RULE_COLUMNS)}`);
    // A view cannot lose columns by CREATE OR REPLACE.
    await queryRunner.query(`DROP VIEW funding_line_facts_computed`);
    await queryRunner.query(`
      CREATE VIEW funding_line_facts_computed AS${FACTS_VIEW_SQL}`);
    await queryRunner.query(`
      ALTER TABLE "funding_line_facts"
        DROP "cover_after_end_sek", DROP "period_end", DROP "coverage_decision", DROP "granted_temporary"`);
  }
}

/** The facts' columns now, in the view's order. */
const CLIFF_FACT_COLUMNS = [
  ...FACT_COLUMNS,
  'cover_after_end_sek',
  'period_end',
  'coverage_decision',
  'granted_temporary',
];
/** What the facts read of a line now: the rule's columns and the coverage decision. */
const CLIFF_WATCHED_COLUMNS = [...RULE_COLUMNS, 'coverage_decision'];
