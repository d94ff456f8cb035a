import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The budget lines' natural key compares the dimensions as text, not as jsonb (issue 17, bench/README.md "Budget
 * import"): jsonb's text is canonical (keys sorted, one spacing), so equal objects give equal text, and a bytewise
 * ("C") comparison of one short string is far cheaper than walking two jsonb objects at every step of a 50,000-line
 * upsert's probes. An expression index: no column to backfill or keep in step, whoever writes the row. By hand, as
 * TypeORM cannot declare an expression index (the entity lists it with synchronize: false).
 */
export class BudgetLinesTextKey1795455000000 implements MigrationInterface {
  name = 'BudgetLinesTextKey1795455000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_budget_lines_natural_key"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_budget_lines_natural_key" ON "budget_lines" ("kind", "period", ((dimensions)::text) COLLATE "C")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_budget_lines_natural_key"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_budget_lines_natural_key" ON "budget_lines" ("kind", "period", "dimensions")
        `);
  }
}
