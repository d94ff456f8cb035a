import { MigrationInterface, QueryRunner } from 'typeorm';

export class Indicators1795442735167 implements MigrationInterface {
  name = 'Indicators1795442735167';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "indicators" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "code" character varying(40) NOT NULL,
                "name" character varying(300) NOT NULL,
                "unit" character varying(20) NOT NULL,
                "direction" character varying(10) NOT NULL,
                "source" character varying(30) NOT NULL,
                "breakdowns" character varying(20) array NOT NULL DEFAULT '{}',
                "kolada_kpis" jsonb,
                "owner_department_id" uuid NOT NULL,
                CONSTRAINT "ck_indicators_kolada_kpis" CHECK ((source = 'kolada') = (kolada_kpis IS NOT NULL)),
                CONSTRAINT "ck_indicators_breakdowns" CHECK (
                    breakdowns <@ ARRAY ['sex', 'age_band', 'born', 'district']::varchar []
                ),
                CONSTRAINT "ck_indicators_source" CHECK (
                    source IN (
                        'kolada',
                        'survey',
                        'internal',
                        'national_statistics'
                    )
                ),
                CONSTRAINT "ck_indicators_direction" CHECK (direction IN ('increase', 'decrease')),
                CONSTRAINT "ck_indicators_unit" CHECK (
                    unit IN (
                        'percent',
                        'per_1000',
                        'ratio',
                        'count',
                        'sek',
                        'score'
                    )
                ),
                CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_indicators_code" ON "indicators" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_indicators_owner_department_id" ON "indicators" ("owner_department_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "indicator_values" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "indicator_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "period" character varying(7) NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "cell" character varying(200) NOT NULL,
                "value" numeric NOT NULL,
                "numerator" numeric,
                "denominator" numeric,
                "persons" integer,
                "source_note" text,
                CONSTRAINT "ux_indicator_values_point" UNIQUE ("indicator_id", "period", "cell", "kind"),
                CONSTRAINT "ck_indicator_values_period" CHECK (period_start <= period_end),
                CONSTRAINT "ck_indicator_values_persons" CHECK (
                    persons IS NULL
                    OR persons >= 0
                ),
                CONSTRAINT "ck_indicator_values_share" CHECK (
                    num_nonnulls(numerator, denominator) <> 1
                    AND (
                        denominator IS NULL
                        OR denominator > 0
                    )
                ),
                CONSTRAINT "ck_indicator_values_kind" CHECK (kind IN ('measurement', 'baseline', 'target')),
                CONSTRAINT "PK_611038cccc7a74de92fed3da44d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "indicator_effect_nodes" (
                "effect_node_id" uuid NOT NULL,
                "indicator_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1fbe65a50a0f8f252d154129275" PRIMARY KEY ("effect_node_id", "indicator_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_indicator_effect_nodes_indicator_id" ON "indicator_effect_nodes" ("indicator_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "indicators"
            ADD CONSTRAINT "fk_indicators_owner_department" FOREIGN KEY ("owner_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values"
            ADD CONSTRAINT "fk_indicator_values_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_effect_nodes"
            ADD CONSTRAINT "fk_indicator_effect_nodes_node" FOREIGN KEY ("effect_node_id") REFERENCES "effect_nodes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_effect_nodes"
            ADD CONSTRAINT "fk_indicator_effect_nodes_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "indicator_effect_nodes" DROP CONSTRAINT "fk_indicator_effect_nodes_indicator"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_effect_nodes" DROP CONSTRAINT "fk_indicator_effect_nodes_node"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values" DROP CONSTRAINT "fk_indicator_values_indicator"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicators" DROP CONSTRAINT "fk_indicators_owner_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_indicator_effect_nodes_indicator_id"
        `);
    await queryRunner.query(`
            DROP TABLE "indicator_effect_nodes"
        `);
    await queryRunner.query(`
            DROP TABLE "indicator_values"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_indicators_owner_department_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_indicators_code"
        `);
    await queryRunner.query(`
            DROP TABLE "indicators"
        `);
  }
}
