import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#common';
import { WEBHOOK_DELIVER, WEBHOOK_QUEUE } from './webhook-jobs.js';
import { enqueueNotices, NotificationsService } from '#notifications';
import type { WebhookEventType } from './webhook.entities.js';
import { postWebhook } from './webhook-http.js';
import { webhookDeliveryJobOptions } from './webhook-jobs.js';
import { signWebhook } from './webhook-signature.js';
import { resolveWebhookTarget, WebhookTargetError } from './webhook-target.js';

/** Events and deliveries taken per statement. */
const BATCH_SIZE = 1000;

type DeliveryRow = {
  status: string;
  url: string;
  secret: string;
  subscription_status: string;
  event_id: string;
  type: WebhookEventType;
  payload: unknown;
  occurred_at: Date;
};

/** The worker's side of webhooks: events into deliveries, deliveries onto the queue, one POST per attempt. */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(WEBHOOK_QUEUE) private readonly queue: Queue,
    private readonly notifications: NotificationsService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * Creates one delivery per new event and matching active subscription (one that existed when the event happened),
   * then queues every delivery not queued yet. Two steps, so a worker that dies between them loses nothing: the next
   * run queues what is left, and the job id (the delivery id) keeps a delivery from being queued twice.
   */
  async fanOut(): Promise<{ deliveries: number; queued: number }> {
    let deliveries = 0;
    for (let created = -1; created !== 0; ) {
      created = await this.dataSource.transaction(async (em) => {
        const [{ events, inserted }] = await em.query(
          `WITH events AS (
             SELECT id, type, created_at FROM webhook_events
              WHERE fanned_out_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED
           ), marked AS (
             UPDATE webhook_events e SET fanned_out_at = now() FROM events WHERE e.id = events.id RETURNING 1
           ), inserted AS (
             INSERT INTO webhook_deliveries (subscription_id, event_id)
             SELECT s.id, events.id FROM events
               JOIN webhook_subscriptions s ON s.status = 'active' AND events.type = ANY (s.events) AND s.created_at <= events.created_at
             ORDER BY events.created_at, events.id, s.id
             ON CONFLICT (subscription_id, event_id) DO NOTHING
             RETURNING 1
           )
           SELECT (SELECT count(*)::int FROM marked) AS events, (SELECT count(*)::int FROM inserted) AS inserted`,
          [BATCH_SIZE],
        );
        deliveries += inserted;
        return events;
      });
    }
    return { deliveries, queued: await this.queueUnqueued() };
  }

  private async queueUnqueued(): Promise<number> {
    const options = webhookDeliveryJobOptions(this.config);
    let queued = 0;
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM webhook_deliveries WHERE queued_at IS NULL ORDER BY created_at, id LIMIT $1`,
        [BATCH_SIZE],
      );
      if (rows.length === 0) return queued;
      await this.queue.addBulk(rows.map(({ id }) => ({ name: WEBHOOK_DELIVER, data: { deliveryId: id }, opts: { ...options, jobId: id } })));
      await this.dataSource.query(`UPDATE webhook_deliveries SET queued_at = now() WHERE id = ANY ($1::uuid[])`, [rows.map((r) => r.id)]);
      queued += rows.length;
    }
  }

  /**
   * One attempt. Logged whatever happens; a failure throws so BullMQ retries (UnrecoverableError once the
   * subscription is paused: its remaining attempts would only fail again).
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<void> {
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.status, s.url, s.secret, s.status AS subscription_status, e.id AS event_id, e.type, e.payload, e.created_at AS occurred_at
         FROM webhook_deliveries d
         JOIN webhook_subscriptions s ON s.id = d.subscription_id
         JOIN webhook_events e ON e.id = d.event_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    // Gone with its subscription, or delivered already by a parallel job (a redelivery by hand).
    if (!row || row.status === 'delivered') return;
    if (row.subscription_status !== 'active') {
      await this.dataSource.query(`UPDATE webhook_deliveries SET status = 'failed' WHERE id = $1 AND status = 'pending'`, [deliveryId]);
      return;
    }
    const body = JSON.stringify({ id: row.event_id, type: row.type, occurredAt: row.occurred_at.toISOString(), data: row.payload });
    const started = Date.now();
    const { statusCode, error } = await this.post(new URL(row.url), body, {
      'User-Agent': 'Samla-Webhooks/1',
      'X-Samla-Event-Id': row.event_id,
      'X-Samla-Event-Type': row.type,
      'X-Samla-Signature': signWebhook(row.secret, body, Math.floor(started / 1000)),
    });
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const outcome = await this.record(deliveryId, { startedAt: new Date(started), durationMs: Date.now() - started, statusCode, error, ok, lastAttempt });
    if (ok) return;
    if (outcome.pausedNow) {
      await this.notifications.sendPending();
      throw new UnrecoverableError('subscription paused after repeated failures');
    }
    throw new Error(error ?? `receiver answered ${statusCode}`);
  }

  private async post(url: URL, body: string, headers: Record<string, string>) {
    try {
      const addresses = await resolveWebhookTarget(url, this.config.get('WEBHOOK_ALLOW_PRIVATE_TARGETS', { infer: true }));
      return await postWebhook(url, addresses, body, headers, this.config.get('WEBHOOK_TIMEOUT_MS', { infer: true }));
    } catch (error) {
      // Checked again at every attempt: what a host resolves to can change after it was subscribed.
      if (error instanceof WebhookTargetError) return { statusCode: null, error: error.message };
      throw error;
    }
  }

  /**
   * The attempt, the delivery's state and the subscription's run of failures, in one transaction. The subscription's
   * row is locked, so parallel attempts count their failures one after another and exactly one of them pauses it.
   */
  private async record(
    deliveryId: string,
    a: { startedAt: Date; durationMs: number; statusCode: number | null; error: string | null; ok: boolean; lastAttempt: boolean },
  ): Promise<{ pausedNow: boolean }> {
    const threshold = this.config.get('WEBHOOK_PAUSE_AFTER_FAILURES', { infer: true });
    return this.dataSource.transaction(async (em) => {
      const [[delivery]] = await em.query(
        `UPDATE webhook_deliveries
            SET attempts = attempts + 1,
                status = CASE WHEN $2 THEN 'delivered' WHEN $3 THEN 'failed' ELSE 'pending' END,
                delivered_at = CASE WHEN $2 THEN now() ELSE delivered_at END
          WHERE id = $1
          RETURNING subscription_id`,
        [deliveryId, a.ok, a.lastAttempt],
      );
      await em.query(
        `INSERT INTO webhook_delivery_attempts (delivery_id, attempted_at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`,
        [deliveryId, a.startedAt, a.statusCode, a.error?.slice(0, 500) ?? null, a.durationMs],
      );
      const [{ status: before }] = await em.query(`SELECT status FROM webhook_subscriptions WHERE id = $1 FOR UPDATE`, [delivery.subscription_id]);
      const [[subscription]] = await em.query(
        `UPDATE webhook_subscriptions
            SET consecutive_failures = CASE WHEN $2 THEN 0 ELSE consecutive_failures + 1 END,
                status = CASE WHEN NOT $2 AND status = 'active' AND consecutive_failures + 1 >= $3 THEN 'paused' ELSE status END,
                paused_at = CASE WHEN NOT $2 AND status = 'active' AND consecutive_failures + 1 >= $3 THEN now() ELSE paused_at END
          WHERE id = $1
          RETURNING id, url, owner_email, consecutive_failures, paused_at, status`,
        [delivery.subscription_id, a.ok, threshold],
      );
      if (before !== 'active' || subscription.status !== 'paused') return { pausedNow: false };
      await em.query(`UPDATE webhook_deliveries SET status = 'failed' WHERE id = $1`, [deliveryId]);
      if (subscription.owner_email) {
        await enqueueNotices(em, {
          sql: `SELECT $1::text AS notice_key, NULL::uuid AS alert_id, $2::text AS recipient, $3::text AS subject, $4::text AS body`,
          params: [
            `webhook-paused:${subscription.id}:${subscription.paused_at.toISOString()}`,
            subscription.owner_email,
            `Webhook pausad: ${subscription.url}`,
            `Samla har pausat webhook-prenumerationen ${subscription.id} till ${subscription.url} efter ${subscription.consecutive_failures} ` +
              `misslyckade leveransförsök i rad. Senaste fel: ${a.error ?? `HTTP ${a.statusCode}`}.\n\n` +
              `Inga händelser skickas förrän den återupptas (PATCH /webhook-subscriptions/${subscription.id} med status "active"). ` +
              `Leveranserna och varje försök finns under /webhook-subscriptions/${subscription.id}/deliveries och kan skickas om.`,
          ],
        });
      } else {
        this.logger.warn(`Webhook subscription ${subscription.id} paused after ${subscription.consecutive_failures} failures; it has no owner to tell`);
      }
      return { pausedNow: true };
    });
  }
}
