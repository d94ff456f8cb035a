import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 (the daily scans at a million funding lines): the funding-gap scan reads the lines that pay (granted, or
 * ordinary-budget money applied for) from the month of its date on. By end date alone that was a bitmap heap scan of
 * 26,000 pages of funding_lines for 425,000 lines to keep 158,000 (1.3 s); this partial index holds the paying lines
 * with what the scan reads of them (0.26 s, from the index alone). By hand: TypeORM cannot declare INCLUDE.
 */
export class PayingFundingLines1795472000000 implements MigrationInterface {
  name = 'PayingFundingLines1795472000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_funding_lines_paying" ON "funding_lines" ("period_end") INCLUDE ("period_start", "initiative_id", "monthly_share_sek") WHERE status = 'granted' OR (source_type = 'ordinary_budget' AND status = 'applied')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_funding_lines_paying"`);
  }
}
