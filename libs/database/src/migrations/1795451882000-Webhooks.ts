import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The row trigger function writing a webhook event for an initiative, a funding line and (`alerts`, until migration
 * AlertWebhookEvents wrote those per statement) an alert.
 */
export function webhookEventNoteSql({ alerts, replace }: { alerts: boolean; replace: boolean }): string {
  const fundingLine = `INSERT INTO webhook_events (type, payload) VALUES ('funding.changed', jsonb_build_object(
            'change', CASE TG_OP WHEN 'INSERT' THEN 'created' ELSE 'updated' END,
            'fundingLine', jsonb_build_object('id', NEW.id, 'initiativeId', NEW.initiative_id, 'sourceType', NEW.source_type, 'funder', NEW.funder,
              'amountSek', NEW.amount_sek, 'periodStart', NEW.period_start, 'periodEnd', NEW.period_end, 'status', NEW.status)));`;
  const alert = `INSERT INTO webhook_events (type, payload) VALUES ('alert.raised', jsonb_build_object(
            'alert', jsonb_build_object('id', NEW.id, 'kind', NEW.kind, 'severity', NEW.severity, 'title', NEW.title, 'initiativeId', NEW.initiative_id,
              'fundingLineId', NEW.funding_id, 'dueDate', NEW.due_date, 'amountSek', NEW.amount_sek)));`;
  return `
      CREATE ${replace ? 'OR REPLACE ' : ''}FUNCTION webhook_event_note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'initiatives' AND TG_OP = 'INSERT' THEN
          INSERT INTO webhook_events (type, payload) VALUES ('initiative.created', jsonb_build_object(
            'initiative', jsonb_build_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'status', NEW.status)));
        ELSIF TG_TABLE_NAME = 'initiatives' THEN
          INSERT INTO webhook_events (type, payload) VALUES ('initiative.status_changed', jsonb_build_object(
            'initiative', jsonb_build_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title), 'from', OLD.status, 'to', NEW.status));
        ${alerts ? `ELSIF TG_TABLE_NAME = 'funding_lines' THEN\n          ${fundingLine}\n        ELSE\n          ${alert}` : `ELSE\n          ${fundingLine}`}
        END IF;
        RETURN NULL;
      END $$`;
}

/**
 * Webhooks (issue 7, item 5): subscriptions, the event outbox, deliveries and their attempts. Row triggers write an
 * event in the transaction of the change itself, like the changes feed's, so an event exists exactly when its change
 * committed; the worker fans events out to subscriptions (libs/integration/src/webhooks).
 */
export class Webhooks1795451882000 implements MigrationInterface {
  name = 'Webhooks1795451882000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook_subscriptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" character varying(2000) NOT NULL, "events" character varying(40) array NOT NULL, "secret" character varying(200) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'active', "owner_email" character varying(254), "created_by" character varying(200) NOT NULL, "consecutive_failures" integer NOT NULL DEFAULT '0', "paused_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_webhook_subscriptions_status" CHECK (status IN ('active', 'paused')), CONSTRAINT "PK_bf631ae77d39849d599817fb6f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(40) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fanned_out_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4cba37e6a0acb5e1fc49c34ebfd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_events_unfanned" ON "webhook_events"  ("created_at") WHERE fanned_out_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subscription_id" uuid NOT NULL, "event_id" uuid NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "queued_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_webhook_deliveries_status" CHECK (status IN ('pending', 'delivered', 'failed')), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_webhook_deliveries_event_id" ON "webhook_deliveries"  ("event_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_deliveries_unqueued" ON "webhook_deliveries"  ("created_at") WHERE queued_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_webhook_deliveries_subscription_event" ON "webhook_deliveries"  ("subscription_id", "event_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status_code" integer, "error" character varying(500), "duration_ms" integer NOT NULL, CONSTRAINT "PK_59ef9124585b56c18b98548a0c6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_delivery_attempts_delivery" ON "webhook_delivery_attempts"  ("delivery_id", "attempted_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "fk_webhook_deliveries_subscription" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "fk_webhook_deliveries_event" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery_attempts" ADD CONSTRAINT "fk_webhook_delivery_attempts_delivery" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // One narrow insert per change; the payload is what a receiver needs to act without calling back.
    await queryRunner.query(webhookEventNoteSql({ alerts: true, replace: false }));
    await queryRunner.query(
      `CREATE TRIGGER "tr_initiatives_webhook_created" AFTER INSERT ON "initiatives" FOR EACH ROW EXECUTE FUNCTION webhook_event_note()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_initiatives_webhook_status" AFTER UPDATE OF status ON "initiatives" FOR EACH ROW
         WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION webhook_event_note()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tr_funding_lines_webhook_created" AFTER INSERT ON "funding_lines" FOR EACH ROW EXECUTE FUNCTION webhook_event_note()`,
    );
    // An UPDATE that changes nothing is not a change.
    await queryRunner.query(
      `CREATE TRIGGER "tr_funding_lines_webhook_updated" AFTER UPDATE ON "funding_lines" FOR EACH ROW
         WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION webhook_event_note()`,
    );
    // Grant and funding alerts only: the budget system has no use for follow-up or overlap alerts.
    await queryRunner.query(
      `CREATE TRIGGER "tr_alerts_webhook_raised" AFTER INSERT ON "alerts" FOR EACH ROW
         WHEN (NEW.kind IN ('grant_expiring', 'grant_expired_initiative_active', 'funding_gap', 'funder_report_due')) EXECUTE FUNCTION webhook_event_note()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_alerts_webhook_raised" ON "alerts"`);
    await queryRunner.query(`DROP TRIGGER "tr_funding_lines_webhook_updated" ON "funding_lines"`);
    await queryRunner.query(`DROP TRIGGER "tr_funding_lines_webhook_created" ON "funding_lines"`);
    await queryRunner.query(`DROP TRIGGER "tr_initiatives_webhook_status" ON "initiatives"`);
    await queryRunner.query(`DROP TRIGGER "tr_initiatives_webhook_created" ON "initiatives"`);
    await queryRunner.query(`DROP FUNCTION webhook_event_note()`);
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery_attempts" DROP CONSTRAINT "fk_webhook_delivery_attempts_delivery"`,
    );
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "fk_webhook_deliveries_event"`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "fk_webhook_deliveries_subscription"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery_attempts"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_events"`);
    await queryRunner.query(`DROP TABLE "webhook_subscriptions"`);
  }
}
