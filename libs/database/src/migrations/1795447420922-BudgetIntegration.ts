import { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetIntegration1795447420922 implements MigrationInterface {
  name = 'BudgetIntegration1795447420922';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "budget_dimensions" (
                "code" character varying(30) NOT NULL,
                "label" character varying(100) NOT NULL,
                "position" integer NOT NULL,
                "required" boolean NOT NULL DEFAULT true,
                "validates_codes" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_budget_dimensions_code" CHECK (code ~ '^[a-z][a-z0-9_]{0,29}$'),
                CONSTRAINT "PK_80149b6ef36d0d04c2734bdca92" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "budget_dimension_codes" (
                "dimension_code" character varying(30) NOT NULL,
                "code" character varying(40) NOT NULL,
                "label" character varying(200) NOT NULL,
                "valid_from" date,
                "valid_to" date,
                CONSTRAINT "ck_budget_dimension_codes_validity" CHECK (
                    valid_to IS NULL
                    OR valid_from IS NULL
                    OR valid_to >= valid_from
                ),
                CONSTRAINT "PK_d5d09271e407d227bdf6b85bd20" PRIMARY KEY ("dimension_code", "code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "budget_lines" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "kind" character varying(10) NOT NULL,
                "period" date NOT NULL,
                "dimensions" jsonb NOT NULL,
                "amount_sek" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_budget_lines_period" CHECK (date_trunc('month', period) = period),
                CONSTRAINT "ck_budget_lines_kind" CHECK (kind IN ('budget', 'actual')),
                CONSTRAINT "PK_4eabf9c9d7c8edc9ad302270c94" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_budget_lines_natural_key" ON "budget_lines" ("kind", "period", "dimensions")
        `);
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "client_id" character varying(220) NOT NULL,
                "key" character varying(200) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "state" character varying(10) NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_idempotency_keys_state" CHECK (state IN ('running', 'done')),
                CONSTRAINT "PK_9cf44f13e0f6543341a0c80108e" PRIMARY KEY ("client_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_idempotency_keys_created_at" ON "idempotency_keys" ("created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "budget_dimension_codes"
            ADD CONSTRAINT "fk_budget_dimension_codes_dimension" FOREIGN KEY ("dimension_code") REFERENCES "budget_dimensions"("code") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "budget_dimension_codes" DROP CONSTRAINT "fk_budget_dimension_codes_dimension"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_idempotency_keys_created_at"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_budget_lines_natural_key"
        `);
    await queryRunner.query(`
            DROP TABLE "budget_lines"
        `);
    await queryRunner.query(`
            DROP TABLE "budget_dimension_codes"
        `);
    await queryRunner.query(`
            DROP TABLE "budget_dimensions"
        `);
  }
}
