import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Precomputed overlap pairs and the facts fingerprints their incremental refresh compares (issue 6). intarray (a
 * trusted extension, like pg_trgm) gives the refresh C-level intersections of integer arrays: the shares and the
 * text similarity of millions of candidate pairs are counted with `&` and `icount` instead of per-pair subqueries.
 */
export class OverlapPairs1795449560273 implements MigrationInterface {
  name = 'OverlapPairs1795449560273';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS intarray`);
    await queryRunner.query(`
            CREATE TABLE "overlap_pairs" (
                "initiative_id" uuid NOT NULL,
                "other_initiative_id" uuid NOT NULL,
                "score" double precision NOT NULL,
                "reasons" jsonb NOT NULL,
                "fingerprint" character(32) NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_overlap_pairs_order" CHECK (initiative_id < other_initiative_id),
                CONSTRAINT "pk_overlap_pairs" PRIMARY KEY ("initiative_id", "other_initiative_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_overlap_pairs_other_initiative_id" ON "overlap_pairs" ("other_initiative_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_overlap_pairs_score" ON "overlap_pairs" ("score")
        `);
    await queryRunner.query(`
            CREATE TABLE "overlap_facts" (
                "initiative_id" uuid NOT NULL,
                "fingerprint" character(32) NOT NULL,
                "grams" integer array NOT NULL,
                "words" integer array NOT NULL,
                "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_overlap_facts" PRIMARY KEY ("initiative_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "overlap_pairs"
            ADD CONSTRAINT "fk_overlap_pairs_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "overlap_pairs"
            ADD CONSTRAINT "fk_overlap_pairs_other_initiative" FOREIGN KEY ("other_initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "overlap_facts"
            ADD CONSTRAINT "fk_overlap_facts_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "overlap_facts" DROP CONSTRAINT "fk_overlap_facts_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "overlap_pairs" DROP CONSTRAINT "fk_overlap_pairs_other_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "overlap_pairs" DROP CONSTRAINT "fk_overlap_pairs_initiative"
        `);
    await queryRunner.query(`
            DROP TABLE "overlap_facts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_overlap_pairs_score"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_overlap_pairs_other_initiative_id"
        `);
    await queryRunner.query(`
            DROP TABLE "overlap_pairs"
        `);
    await queryRunner.query(`DROP EXTENSION IF EXISTS intarray`);
  }
}
