import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The grant and funding alerts the budget system hears of (the others are follow-up's and overlaps' own business). */
const WEBHOOK_ALERT_KINDS = `'grant_expiring', 'grant_expired_initiative_active', 'funding_gap', 'funder_report_due'`;

/** webhook_event_note() as migration Webhooks wrote it, with or without its alert branch. */
function webhookEventNoteSql(withAlerts: boolean): string {
  const funding = `INSERT INTO webhook_events (type, payload) VALUES ('funding.changed', jsonb_build_object(
            'change', CASE TG_OP WHEN 'INSERT' THEN 'created' ELSE 'updated' END,
            'fundingLine', jsonb_build_object('id', NEW.id, 'initiativeId', NEW.initiative_id, 'sourceType', NEW.source_type, 'funder', NEW.funder,
              'amountSek', NEW.amount_sek, 'periodStart', NEW.period_start, 'periodEnd', NEW.period_end, 'status', NEW.status)));`;
  const alerts = `INSERT INTO webhook_events (type, payload) VALUES ('alert.raised', jsonb_build_object(
            'alert', jsonb_build_object('id', NEW.id, 'kind', NEW.kind, 'severity', NEW.severity, 'title', NEW.title, 'initiativeId', NEW.initiative_id,
              'fundingLineId', NEW.funding_id, 'dueDate', NEW.due_date, 'amountSek', NEW.amount_sek)));`;
  return `
      CREATE OR REPLACE FUNCTION webhook_event_note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'initiatives' AND TG_OP = 'INSERT' THEN
          INSERT INTO webhook_events (type, payload) VALUES ('initiative.created', jsonb_build_object(
            'initiative', jsonb_build_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'status', NEW.status)));
        ELSIF TG_TABLE_NAME = 'initiatives' THEN
          INSERT INTO webhook_events (type, payload) VALUES ('initiative.status_changed', jsonb_build_object(
            'initiative', jsonb_build_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title), 'from', OLD.status, 'to', NEW.status));
        ${withAlerts ? `ELSIF TG_TABLE_NAME = 'funding_lines' THEN\n          ${funding}\n        ELSE\n          ${alerts}` : `ELSE\n          ${funding}`}
        END IF;
        RETURN NULL;
      END $$`;
}

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
    await queryRunner.query(webhookEventNoteSql(false));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(webhookEventNoteSql(true));
    await queryRunner.query(`DROP TRIGGER "tr_alerts_webhook_raised" ON "alerts"`);
    await queryRunner.query(`DROP FUNCTION webhook_alerts_raised()`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_alerts_webhook_raised" AFTER INSERT ON "alerts" FOR EACH ROW
         WHEN (NEW.kind IN (${WEBHOOK_ALERT_KINDS})) EXECUTE FUNCTION webhook_event_note()`,
    );
  }
}
