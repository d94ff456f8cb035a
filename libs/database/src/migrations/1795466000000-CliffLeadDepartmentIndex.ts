import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the funding cliff's totals split each budget year and the earlier cliffs by lead department, so the cliff
 * reads an approved or active initiative's lead department beside its end date and annual cost. Without it in
 * `ix_initiatives_followed` the planner read the whole initiatives heap again (the totals 40 → 67 ms on the
 * 20,000-initiative benchmark); with it the cliff reads the index's 11,000 entries alone, as before.
 */
export class CliffLeadDepartmentIndex1795466000000 implements MigrationInterface {
  name = 'CliffLeadDepartmentIndex1795466000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.followed(queryRunner, '"end_date", "annual_cost_sek", "lead_department_id"');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.followed(queryRunner, '"end_date", "annual_cost_sek"');
  }

  private async followed(queryRunner: QueryRunner, included: string) {
    await queryRunner.query(`DROP INDEX "ix_initiatives_followed"`);
    await queryRunner.query(
      `CREATE INDEX "ix_initiatives_followed" ON "initiatives" ("id") INCLUDE (${included}) WHERE status IN ('approved', 'active')`,
    );
  }
}
