import { MigrationInterface, QueryRunner } from 'typeorm';

export class AlertsAndJobs1795436547631 implements MigrationInterface {
  name = 'AlertsAndJobs1795436547631';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "alerts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "kind" character varying(40) NOT NULL,
                "severity" character varying(10) NOT NULL,
                "status" character varying(15) NOT NULL DEFAULT 'open',
                "dedupe_key" character varying(200) NOT NULL,
                "initiative_id" uuid,
                "funding_id" uuid,
                "department_id" uuid,
                "title" character varying(300) NOT NULL,
                "detail" text NOT NULL,
                "due_date" date,
                "amount_sek" bigint,
                "first_raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "escalated_at" TIMESTAMP WITH TIME ZONE,
                "last_seen_on" date NOT NULL,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "acknowledged_by" character varying(200),
                "acknowledged_at" TIMESTAMP WITH TIME ZONE,
                "dismissed_by" character varying(200),
                "dismissed_at" TIMESTAMP WITH TIME ZONE,
                "dismiss_reason" text,
                CONSTRAINT "ck_alerts_status" CHECK (
                    status IN ('open', 'acknowledged', 'resolved', 'dismissed')
                ),
                CONSTRAINT "ck_alerts_severity" CHECK (severity IN ('info', 'warning', 'critical')),
                CONSTRAINT "ck_alerts_kind" CHECK (
                    kind IN (
                        'grant_expiring',
                        'grant_expired_initiative_active',
                        'funding_gap',
                        'funder_report_due',
                        'follow_up_overdue',
                        'follow_up_plan_missing',
                        'baseline_missing',
                        'possible_overlap'
                    )
                ),
                CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_alerts_kind" ON "alerts" ("kind")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_alerts_status" ON "alerts" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_alerts_initiative_id" ON "alerts" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_alerts_department_id" ON "alerts" ("department_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_alerts_dedupe_key_unresolved" ON "alerts" ("dedupe_key")
            WHERE status <> 'resolved'
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notice_key" character varying(400) NOT NULL,
                "alert_id" uuid,
                "recipient" character varying(254) NOT NULL,
                "subject" character varying(300) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_notifications_status" CHECK (status IN ('pending', 'sent', 'failed')),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_notifications_notice_key" ON "notifications" ("notice_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notifications_alert_id" ON "notifications" ("alert_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "job_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "job_name" character varying(60) NOT NULL,
                "as_of" date NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'queued',
                "requested_by" character varying(200),
                "counts" jsonb,
                "error" text,
                "attempts" integer NOT NULL DEFAULT '0',
                "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_job_runs_status" CHECK (
                    status IN ('queued', 'running', 'completed', 'failed')
                ),
                CONSTRAINT "PK_4d0012c04fcfc287550b76be7e9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_job_runs_job_name_queued_at" ON "job_runs" ("job_name", "queued_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "departments"
            ADD "head_email" character varying(254)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "departments" DROP COLUMN "head_email"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_job_runs_job_name_queued_at"
        `);
    await queryRunner.query(`
            DROP TABLE "job_runs"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_alert_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_notifications_notice_key"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_alerts_dedupe_key_unresolved"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_alerts_department_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_alerts_initiative_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_alerts_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_alerts_kind"
        `);
    await queryRunner.query(`
            DROP TABLE "alerts"
        `);
  }
}
