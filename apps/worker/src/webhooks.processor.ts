import { InjectQueue, Processor } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import type { Job, Queue } from 'bullmq';
import type { AppConfig } from '#common';
import { WEBHOOK_BACKOFF, WebhookDeliveryService, webhookDelays } from '#integration';
import { QUEUES, WEBHOOK_DELIVER, WEBHOOK_FAN_OUT } from '#jobs';
import { BoundedWorkerHost } from './bounded-worker-host.js';

/** The fan-out's scheduler id; upserted by every worker that starts (same id, same interval: nothing doubles). */
const FAN_OUT_SCHEDULER = 'webhook-fan-out';

/**
 * `webhook-fan-out` (every WEBHOOK_FAN_OUT_INTERVAL_MS) turns new events into queued deliveries; `webhook-deliver`
 * POSTs one, retried on the `webhook` backoff: WEBHOOK_RETRY_* waits, about a day in all by default.
 */
@Processor(QUEUES.webhooks)
export class WebhooksProcessor extends BoundedWorkerHost {
  constructor(
    private readonly deliveries: WebhookDeliveryService,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
    private readonly settings: ConfigService<AppConfig, true>,
  ) {
    super(settings);
  }

  override async onApplicationBootstrap() {
    super.onApplicationBootstrap();
    const delays = webhookDelays(this.settings);
    // BullMQ reads the strategy from the worker's options when a job fails, so it can be set once the worker exists.
    this.worker.opts.settings = {
      ...this.worker.opts.settings,
      backoffStrategy: (attemptsMade: number, type?: string) => (type === WEBHOOK_BACKOFF ? (delays[attemptsMade - 1] ?? delays.at(-1) ?? 0) : 0),
    };
    await this.queue.upsertJobScheduler(FAN_OUT_SCHEDULER, { every: this.settings.get('WEBHOOK_FAN_OUT_INTERVAL_MS', { infer: true }) }, { name: WEBHOOK_FAN_OUT, data: {} });
  }

  async process(job: Job<{ deliveryId?: string }>) {
    if (job.name === WEBHOOK_FAN_OUT) return this.deliveries.fanOut();
    if (job.name !== WEBHOOK_DELIVER || !job.data.deliveryId) throw new Error(`No webhook job named ${job.name}`);
    // attemptsMade counts the attempts before this one.
    return this.deliveries.deliver(job.data.deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
