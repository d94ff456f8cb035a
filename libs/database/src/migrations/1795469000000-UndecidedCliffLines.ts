import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the funding cliff's earlier cliffs (their totals, and the page that opens them) read the undecided
 * temporary lines ending before the window. Through ix_funding_line_facts_cliff, by end date alone, that read every
 * cliff line's fact ending before it (24,000 on the 20,000-initiative benchmark) to keep 3,900; this partial index
 * holds only the undecided ones, with what the cliff reads of them.
 */
export class UndecidedCliffLines1795469000000 implements MigrationInterface {
  name = 'UndecidedCliffLines1795469000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_funding_line_facts_undecided" ON "funding_line_facts" ("period_end") INCLUDE ("funding_id", "initiative_id", "coverage_decision", "not_taken_over_sek", "cover_after_end_sek") WHERE granted_temporary AND share < 1 AND coverage_decision = 'undecided'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_funding_line_facts_undecided"`);
  }
}
