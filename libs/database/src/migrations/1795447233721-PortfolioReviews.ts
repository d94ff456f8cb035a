import { MigrationInterface, QueryRunner } from 'typeorm';

export class PortfolioReviews1795447233721 implements MigrationInterface {
  name = 'PortfolioReviews1795447233721';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "portfolio_reviews" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "title" character varying(200) NOT NULL,
                "meeting_date" date NOT NULL,
                "notes" text,
                "created_by" character varying(200) NOT NULL,
                CONSTRAINT "PK_af910f7ef9687ffbb102551abff" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_portfolio_reviews_meeting_date" ON "portfolio_reviews" ("meeting_date")
        `);
    await queryRunner.query(`
            CREATE TABLE "portfolio_decisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "review_id" uuid NOT NULL,
                "initiative_id" uuid NOT NULL,
                "decision" character varying(20) NOT NULL,
                "rationale" text NOT NULL,
                "follow_up_date" date,
                "from_status" character varying(20),
                "to_status" character varying(20),
                "decided_by" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_portfolio_decisions_move" CHECK ((from_status IS NULL) = (to_status IS NULL)),
                CONSTRAINT "ck_portfolio_decisions_to_status" CHECK (
                    to_status IN (
                        'draft',
                        'proposed',
                        'approved',
                        'active',
                        'completed',
                        'integrated',
                        'discontinued'
                    )
                ),
                CONSTRAINT "ck_portfolio_decisions_from_status" CHECK (
                    from_status IN (
                        'draft',
                        'proposed',
                        'approved',
                        'active',
                        'completed',
                        'integrated',
                        'discontinued'
                    )
                ),
                CONSTRAINT "ck_portfolio_decisions_decision" CHECK (
                    decision IN (
                        'continue',
                        'scale_up',
                        'adjust',
                        'pause',
                        'stop',
                        'integrate',
                        'seek_funding'
                    )
                ),
                CONSTRAINT "PK_f31e36b6aa9022dc06f107044b8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_portfolio_decisions_initiative_id" ON "portfolio_decisions" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_portfolio_decisions_review_initiative" ON "portfolio_decisions" ("review_id", "initiative_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "portfolio_decisions"
            ADD CONSTRAINT "fk_portfolio_decisions_review" FOREIGN KEY ("review_id") REFERENCES "portfolio_reviews"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "portfolio_decisions"
            ADD CONSTRAINT "fk_portfolio_decisions_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // TypeORM compares CHECK constraints by name only, so a changed vocabulary is written by hand.
    await queryRunner.query(`
            ALTER TABLE "alerts" DROP CONSTRAINT "ck_alerts_kind",
            ADD CONSTRAINT "ck_alerts_kind" CHECK (kind IN ('grant_expiring', 'grant_expired_initiative_active', 'funding_gap', 'funder_report_due', 'follow_up_overdue', 'follow_up_plan_missing', 'baseline_missing', 'possible_overlap', 'decision_follow_up_due'))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // TypeORM compares CHECK constraints by name only, so a changed vocabulary is written by hand.
    await queryRunner.query(`
            ALTER TABLE "alerts" DROP CONSTRAINT "ck_alerts_kind",
            ADD CONSTRAINT "ck_alerts_kind" CHECK (kind IN ('grant_expiring', 'grant_expired_initiative_active', 'funding_gap', 'funder_report_due', 'follow_up_overdue', 'follow_up_plan_missing', 'baseline_missing', 'possible_overlap'))
        `);
    await queryRunner.query(`
            ALTER TABLE "portfolio_decisions" DROP CONSTRAINT "fk_portfolio_decisions_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "portfolio_decisions" DROP CONSTRAINT "fk_portfolio_decisions_review"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_portfolio_decisions_review_initiative"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_portfolio_decisions_initiative_id"
        `);
    await queryRunner.query(`
            DROP TABLE "portfolio_decisions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_portfolio_reviews_meeting_date"
        `);
    await queryRunner.query(`
            DROP TABLE "portfolio_reviews"
        `);
  }
}
