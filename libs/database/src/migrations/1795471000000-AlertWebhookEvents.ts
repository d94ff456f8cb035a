import type { MigrationInterface, QueryRunner } from 'typeorm';
import { webhookEventNoteSql } from './1795451882000-Webhooks.js';

/** The grant and funding alerts the budget system hears of (the others are follow-up's and overlaps' own business). */
const WEBHOOK_ALERT_KINDS = `'grant_expiring', 'grant_expired_initiative_active', 'funding_gap', 'funder_report_due'`;

/**
 * Issue 17 (the daily scans at a million funding lines): the alert.raised webhook events are written once per
 * statement from its inserted rows, not by a row trigger per alert. A first scan raising 32,000 grant alerts spent
 * 1.7 s in 32,000 calls of the row trigger, each planning and running its own one-row INSERT. The transition table
 * of an INSERT … ON CONFLICT DO UPDATE holds only the rows it inserted, so a re-raised or escalated alert still
 * notes nothing, as before.
 */
export class AlertWebhookEvents1795471000000 implements MigrationInterface {
  name = 'AlertWebhookEvents1795471000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_alerts_webhook_raised" ON "alerts"`);
    await queryRunner.query(`
      CREATE FUNCTION webhook_alerts_raised() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO webhook_events (type, payload)
        SELECT 'alert.raised', jsonb_build_object(
                 'alert', jsonb_build_object('id', r.id, 'kind', r.kind, 'severity', r.severity, 'title', r.title, 'initiativeId', r.initiative_id,
                   'fundingLineId', r.funding_id, 'dueDate', r.due_date, 'amountSek', r.amount_sek))
          FROM raised_alerts r
         WHERE r.kind IN (${WEBHOOK_ALERT_KINDS});
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_alerts_webhook_raised" AFTER INSERT ON "alerts" REFERENCING NEW TABLE AS raised_alerts
         FOR EACH STATEMENT EXECUTE FUNCTION webhook_alerts_raised()`,
    );
    await queryRunner.query(webhookEventNoteSql({ alerts: false, replace: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(webhookEventNoteSql({ alerts: true, replace: true }));
    await queryRunner.query(`DROP TRIGGER "tr_alerts_webhook_raised" ON "alerts"`);
    await queryRunner.query(`DROP FUNCTION webhook_alerts_raised()`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_alerts_webhook_raised" AFTER INSERT ON "alerts" FOR EACH ROW
         WHEN (NEW.kind IN (${WEBHOOK_ALERT_KINDS})) EXECUTE FUNCTION webhook_event_note()`,
    );
  }
}
