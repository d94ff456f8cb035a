import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verdicts on overlapping pairs (issue 6). The overlap score uses pg_trgm's `similarity`; the extension is already
 * created by Extensions, and is named here too so this migration states what it needs (a no-op). No trigram index:
 * similarity is computed only for the pairs the blocking finds, pair by pair, where an index cannot help.
 */
export class Overlaps1795447390381 implements MigrationInterface {
  name = 'Overlaps1795447390381';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
            CREATE TABLE "overlap_reviews" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "initiative_id" uuid NOT NULL,
                "other_initiative_id" uuid NOT NULL,
                "verdict" character varying(20) NOT NULL,
                "note" text,
                "fingerprint" character(32) NOT NULL,
                "reviewed_by" character varying(200),
                "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ux_overlap_reviews_pair" UNIQUE ("initiative_id", "other_initiative_id"),
                CONSTRAINT "ck_overlap_reviews_verdict" CHECK (
                    verdict IN ('distinct', 'duplicate', 'coordinated')
                ),
                CONSTRAINT "ck_overlap_reviews_order" CHECK (initiative_id < other_initiative_id),
                CONSTRAINT "PK_4199f57d621b8e172a0a650c766" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_overlap_reviews_other_initiative_id" ON "overlap_reviews" ("other_initiative_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "overlap_reviews"
            ADD CONSTRAINT "fk_overlap_reviews_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "overlap_reviews"
            ADD CONSTRAINT "fk_overlap_reviews_other_initiative" FOREIGN KEY ("other_initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "overlap_reviews" DROP CONSTRAINT "fk_overlap_reviews_other_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "overlap_reviews" DROP CONSTRAINT "fk_overlap_reviews_initiative"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_overlap_reviews_other_initiative_id"
        `);
    await queryRunner.query(`
            DROP TABLE "overlap_reviews"
        `);
  }
}
