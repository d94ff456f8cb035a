import { MigrationInterface, QueryRunner } from 'typeorm';

export class KoladaSwedenAndKpis1795444673511 implements MigrationInterface {
  name = 'KoladaSwedenAndKpis1795444673511';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "kolada_kpis" (
                "id" character varying(10) NOT NULL,
                "title" text NOT NULL,
                "description" text,
                "operating_area" text,
                "has_ou_data" boolean,
                "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_630cdd612f114c542ddf96f5a36" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values"
            ADD "area" character varying(20) NOT NULL DEFAULT 'municipality'
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values"
            ADD CONSTRAINT "ck_indicator_values_sweden_measured" CHECK (
                    area = 'municipality'
                    OR kind = 'measurement'
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values"
            ADD CONSTRAINT "ck_indicator_values_area" CHECK (area IN ('municipality', 'sweden'))
        `); // Written by hand: TypeORM compares unique constraints by name and misses the added column.
    await queryRunner.query(`
            ALTER TABLE "indicator_values" DROP CONSTRAINT "ux_indicator_values_point"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values"
            ADD CONSTRAINT "ux_indicator_values_point" UNIQUE ("indicator_id", "period", "cell", "kind", "area")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Sweden's rows would collide with the municipality's under the old key.
    await queryRunner.query(`
            DELETE FROM "indicator_values" WHERE "area" = 'sweden'
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values" DROP CONSTRAINT "ux_indicator_values_point"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values"
            ADD CONSTRAINT "ux_indicator_values_point" UNIQUE ("indicator_id", "period", "cell", "kind")
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values" DROP CONSTRAINT "ck_indicator_values_area"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values" DROP CONSTRAINT "ck_indicator_values_sweden_measured"
        `);
    await queryRunner.query(`
            ALTER TABLE "indicator_values" DROP COLUMN "area"
        `);
    await queryRunner.query(`
            DROP TABLE "kolada_kpis"
        `);
  }
}
