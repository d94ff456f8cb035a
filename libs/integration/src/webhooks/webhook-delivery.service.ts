import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { execute, queryOne, queryRow, queryRows, type AppConfig } from '#common';
import { WEBHOOK_DELIVER, WEBHOOK_QUEUE } from './webhook-jobs.js';
import { enqueueNotices, NotificationsService } from '#notifications';
import { postWebhook } from './webhook-http.js';
import { webhookDeliveryJobOptions } from './webhook-jobs.js';
import {
  COUNT_SUBSCRIPTION_FAILURE_SQL,
  DELIVERY_SQL,
  FAIL_DELIVERY_SQL,
  FAIL_PENDING_DELIVERY_SQL,
  FAN_OUT_EVENTS_SQL,
  LOCK_SUBSCRIPTION_SQL,
  LOG_ATTEMPT_SQL,
  MARK_QUEUED_SQL,
  PAUSED_NOTICE_SQL,
  RECORD_DELIVERY_ATTEMPT_SQL,
  UNQUEUED_DELIVERIES_SQL,
} from './webhook-delivery.sql.js';
import { signWebhook } from './webhook-signature.js';
import { resolveWebhookTarget, WebhookTargetError } from './webhook-target.js';

/** Events and deliveries taken per statement. */
const BATCH_SIZE = 1000;

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
    for (let created = -1; created !== 0;) {
      created = await this.dataSource.transaction(async (em) => {
        const { events, inserted } = await queryOne(em, FAN_OUT_EVENTS_SQL, [BATCH_SIZE]);
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
      const rows = await queryRows(this.dataSource, UNQUEUED_DELIVERIES_SQL, [BATCH_SIZE]);
      if (rows.length === 0) return queued;
      await this.queue.addBulk(
        rows.map(({ id }) => ({ name: WEBHOOK_DELIVER, data: { deliveryId: id }, opts: { ...options, jobId: id } })),
      );
      await execute(this.dataSource, MARK_QUEUED_SQL, [rows.map((r) => r.id)]);
      queued += rows.length;
    }
  }

  /**
   * One attempt. Logged whatever happens; a failure throws so BullMQ retries (UnrecoverableError once the
   * subscription is paused: its remaining attempts would only fail again).
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<void> {
    const row = await queryRow(this.dataSource, DELIVERY_SQL, [deliveryId]);
    // Gone with its subscription, or delivered already by a parallel job (a redelivery by hand).
    if (!row || row.status === 'delivered') return;
    if (row.subscription_status !== 'active') {
      await execute(this.dataSource, FAIL_PENDING_DELIVERY_SQL, [deliveryId]);
      return;
    }
    const body = JSON.stringify({
      id: row.event_id,
      type: row.type,
      occurredAt: row.occurred_at.toISOString(),
      data: row.payload,
    });
    const started = Date.now();
    const { statusCode, error } = await this.post(new URL(row.url), body, {
      'User-Agent': 'Samla-Webhooks/1',
      'X-Samla-Event-Id': row.event_id,
      'X-Samla-Event-Type': row.type,
      'X-Samla-Signature': signWebhook(row.secret, body, Math.floor(started / 1000)),
    });
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const outcome = await this.record(deliveryId, {
      startedAt: new Date(started),
      durationMs: Date.now() - started,
      statusCode,
      error,
      ok,
      lastAttempt,
    });
    if (ok) return;
    if (outcome.pausedNow) {
      await this.notifications.sendPending();
      throw new UnrecoverableError('subscription paused after repeated failures');
    }
    throw new Error(error ?? `receiver answered ${statusCode}`);
  }

  private async post(url: URL, body: string, headers: Record<string, string>) {
    try {
      const addresses = await resolveWebhookTarget(
        url,
        this.config.get('WEBHOOK_ALLOW_PRIVATE_TARGETS', { infer: true }),
      );
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
    a: {
      startedAt: Date;
      durationMs: number;
      statusCode: number | null;
      error: string | null;
      ok: boolean;
      lastAttempt: boolean;
    },
  ): Promise<{ pausedNow: boolean }> {
    const threshold = this.config.get('WEBHOOK_PAUSE_AFTER_FAILURES', { infer: true });
    return this.dataSource.transaction(async (em) => {
      const delivery = await queryOne(em, RECORD_DELIVERY_ATTEMPT_SQL, [deliveryId, a.ok, a.lastAttempt]);
      await execute(em, LOG_ATTEMPT_SQL, [
        deliveryId,
        a.startedAt,
        a.statusCode,
        a.error?.slice(0, 500) ?? null,
        a.durationMs,
      ]);
      const { status: before } = await queryOne(em, LOCK_SUBSCRIPTION_SQL, [delivery.subscription_id]);
      const subscription = await queryOne(em, COUNT_SUBSCRIPTION_FAILURE_SQL, [
        delivery.subscription_id,
        a.ok,
        threshold,
      ]);
      if (before !== 'active' || subscription.status !== 'paused' || !subscription.paused_at)
        return { pausedNow: false };
      await execute(em, FAIL_DELIVERY_SQL, [deliveryId]);
      if (subscription.owner_email) {
        await enqueueNotices(em, {
          sql: PAUSED_NOTICE_SQL,
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
        this.logger.warn(
          `Webhook subscription ${subscription.id} paused after ${subscription.consecutive_failures} failures; it has no owner to tell`,
        );
      }
      return { pausedNow: true };
    });
  }
}
