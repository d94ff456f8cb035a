import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rollupsAddFunctionSql, rollupsOf } from './1795461000000-PortfolioRollups.js';

/**
 * Issue 17: the portfolio summary of one lead department (a department head's own view, the commonest filter) from
 * the roll-ups, as the whole portfolio's is: each group's figures are kept per lead department, and the whole
 * portfolio's are their sum. Aggregating the department's facts instead took most of its summary (36 ms of the
 * statement for 2,991 initiatives on the 20,000-initiative benchmark). The whole portfolio now sums a row per group and
 * department (about 2,000 after a fold there) instead of one per group.
 */
export class DepartmentRollups1795470000000 implements MigrationInterface {
  name = 'DepartmentRollups1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "portfolio_rollups" ADD "lead_department_id" uuid`);
    await this.groups(queryRunner, true);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW portfolio_rollups_computed`);
    await queryRunner.query(`ALTER TABLE "portfolio_rollups" DROP COLUMN "lead_department_id"`);
    await this.groups(queryRunner, false);
  }

  /** The view, the triggers' function and the rows, grouped per lead department or not. */
  private async groups(queryRunner: QueryRunner, byLeadDepartment: boolean) {
    await queryRunner.query(
      `CREATE OR REPLACE VIEW portfolio_rollups_computed AS ${rollupsOf('SELECT 1 AS sign, * FROM initiative_facts', byLeadDepartment)}`,
    );
    await queryRunner.query(`CREATE OR REPLACE ${rollupsAddFunctionSql(byLeadDepartment)}`);
    await queryRunner.query(`DELETE FROM portfolio_rollups`);
    await queryRunner.query(`INSERT INTO portfolio_rollups SELECT * FROM portfolio_rollups_computed`);
  }
}
