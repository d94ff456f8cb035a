import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8, item 14: one notice per recipient and scan run instead of one mail per alert. `alert_notices` remembers who
 * was told of which alert at which severity (libs/alerts/src/notices). The mails sent so far, one per alert, severity
 * and recipient under `alert:<id>:<severity>:<recipient>`, are its first rows, so nobody hears again of an alert
 * they already had a mail about.
 */
export class AlertNotices1795453000000 implements MigrationInterface {
  name = 'AlertNotices1795453000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alert_notices" ("alert_id" uuid NOT NULL, "recipient" character varying(254) NOT NULL, "severity" character varying(10) NOT NULL, "notice_key" character varying(400) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_alert_notices_severity" CHECK (severity IN ('info', 'warning', 'critical')), CONSTRAINT "pk_alert_notices" PRIMARY KEY ("alert_id", "recipient", "severity"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_notices" ADD CONSTRAINT "fk_alert_notices_alert" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "alert_notices" ("alert_id", "recipient", "severity", "notice_key", "created_at")
       SELECT n.alert_id, substring(n.notice_key FROM '^alert:[^:]+:[^:]+:(.*)$'), split_part(n.notice_key, ':', 3), n.notice_key, n.created_at
         FROM "notifications" n JOIN "alerts" a ON a.id = n.alert_id
        WHERE n.notice_key LIKE 'alert:%'
       ON CONFLICT DO NOTHING`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alert_notices" DROP CONSTRAINT "fk_alert_notices_alert"`);
    await queryRunner.query(`DROP TABLE "alert_notices"`);
  }
}
