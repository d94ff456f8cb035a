import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportingRounds1795441309726 implements MigrationInterface {
  name = 'ReportingRounds1795441309726';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "reporting_rounds" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "title" character varying(200) NOT NULL,
                "period" character varying(7) NOT NULL,
                "due_date" date NOT NULL,
                "scope_statuses" character varying(20) array NOT NULL,
                "scope_department_ids" uuid array,
                "created_by" character varying(200) NOT NULL,
                "job_run_id" uuid,
                CONSTRAINT "ck_reporting_rounds_scope_statuses" CHECK (cardinality(scope_statuses) > 0),
                CONSTRAINT "ck_reporting_rounds_period" CHECK (
                    period ~ '^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$'
                ),
                CONSTRAINT "PK_12b4499b7936bbcc8e7a119c54d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reporting_rounds_due_date" ON "reporting_rounds" ("due_date")
        `);
    await queryRunner.query(`
            CREATE TABLE "status_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "round_id" uuid NOT NULL,
                "initiative_id" uuid NOT NULL,
                "department_id" uuid,
                "status" character varying(10) NOT NULL DEFAULT 'pending',
                "rag_status" character varying(5),
                "progress" text,
                "risks" text,
                "spending_to_date_sek" bigint,
                "submitted_by" character varying(200),
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "decided_by" character varying(200),
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "return_comment" text,
                CONSTRAINT "ck_status_reports_spending" CHECK (
                    spending_to_date_sek BETWEEN 0 AND 1000000000000
                ),
                CONSTRAINT "ck_status_reports_rag_status" CHECK (rag_status IN ('green', 'amber', 'red')),
                CONSTRAINT "ck_status_reports_status" CHECK (
                    status IN ('pending', 'submitted', 'approved', 'returned')
                ),
                CONSTRAINT "PK_5b303afd85233dce17c88c519ca" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_status_reports_initiative_id" ON "status_reports" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_status_reports_department_id" ON "status_reports" ("department_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_status_reports_round_department" ON "status_reports" ("round_id", "department_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_status_reports_round_initiative" ON "status_reports" ("round_id", "initiative_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "status_reports"
            ADD CONSTRAINT "fk_status_reports_round" FOREIGN KEY ("round_id") REFERENCES "reporting_rounds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "status_reports"
            ADD CONSTRAINT "fk_status_reports_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "status_reports"
            ADD CONSTRAINT "fk_status_reports_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "status_reports" DROP CONSTRAINT "fk_status_reports_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "status_reports" DROP CONSTRAINT "fk_status_reports_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "status_reports" DROP CONSTRAINT "fk_status_reports_round"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_status_reports_round_initiative"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_status_reports_round_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_status_reports_department_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_status_reports_initiative_id"
        `);
    await queryRunner.query(`
            DROP TABLE "status_reports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reporting_rounds_due_date"
        `);
    await queryRunner.query(`
            DROP TABLE "reporting_rounds"
        `);
  }
}
