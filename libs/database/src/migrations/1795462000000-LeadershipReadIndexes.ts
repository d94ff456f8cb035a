import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: two partial covering indexes for the leadership group's reads after a write, measured at 20,000
 * initiatives (bench/README.md, "Portfolio review").
 *
 * - `ix_initiative_facts_followed`: the approved or active initiatives, whose latest reports the summary and
 *   readiness rank. An index-only scan of 11,000 entries instead of the whole facts table (which a bulk load leaves at
 *   several versions a row): 47 → 41 ms for the unfiltered summary.
 * - `ix_funding_lines_cliff`: the funding cliff's candidate lines (temporary money, granted or ended) by end, with the
 *   columns its totals read. An index-only scan of the year's 2,300 lines instead of a bitmap heap scan of 1,600
 *   pages: the summary's cliff statement 27 → 24 ms. By hand: TypeORM cannot declare INCLUDE (the entity lists it
 *   with synchronize: false).
 */
export class LeadershipReadIndexes1795462000000 implements MigrationInterface {
  name = 'LeadershipReadIndexes1795462000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_initiative_facts_followed" ON "initiative_facts" ("initiative_id") WHERE status IN ('approved', 'active')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_funding_lines_cliff" ON "funding_lines" ("period_end") INCLUDE ("id", "initiative_id", "coverage_decision") WHERE source_type <> 'ordinary_budget' AND status IN ('granted', 'ended')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_funding_lines_cliff"`);
    await queryRunner.query(`DROP INDEX "ix_initiative_facts_followed"`);
  }
}
