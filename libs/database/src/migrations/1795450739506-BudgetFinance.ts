import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budget lines attach to initiatives and funding lines by their `projekt` dimension (issue 7), and the `overspending`
 * alert kind. Both by hand: TypeORM cannot declare an expression index (the entity lists it with synchronize: false)
 * and compares CHECK constraints by name only.
 */
export class BudgetFinance1795450739506 implements MigrationInterface {
  name = 'BudgetFinance1795450739506';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "ix_budget_lines_projekt" ON "budget_lines" ((dimensions ->> 'projekt'))
        `);
    await queryRunner.query(`
            ALTER TABLE "alerts" DROP CONSTRAINT "ck_alerts_kind",
            ADD CONSTRAINT "ck_alerts_kind" CHECK (kind IN ('grant_expiring', 'grant_expired_initiative_active', 'funding_gap', 'funder_report_due', 'follow_up_overdue', 'follow_up_plan_missing', 'baseline_missing', 'possible_overlap', 'decision_follow_up_due', 'overspending'))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "alerts" DROP CONSTRAINT "ck_alerts_kind",
            ADD CONSTRAINT "ck_alerts_kind" CHECK (kind IN ('grant_expiring', 'grant_expired_initiative_active', 'funding_gap', 'funder_report_due', 'follow_up_overdue', 'follow_up_plan_missing', 'baseline_missing', 'possible_overlap', 'decision_follow_up_due'))
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_budget_lines_projekt"
        `);
  }
}
