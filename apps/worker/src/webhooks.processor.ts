import { Processor } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import type { Job } from 'bullmq';
import type { AppConfig } from '#common';
import { WEBHOOK_BACKOFF, WebhookDeliveryService, webhookDelays } from '#integration';
import { WEBHOOK_DELIVER, WEBHOOK_FAN_OUT } from '#integration';
import type { JobNameOn, JobPayloads } from '#jobs';
import { handlerFor, QUEUES } from '#queue';
import { BoundedWorkerHost } from './bounded-worker-host.js';

type WebhooksJob = JobNameOn<typeof QUEUES.webhooks>;

/**
 * Dispatches the webhooks queue's jobs: `webhook-fan-out` (scheduled, see JOB_SCHEDULES) turns new events into
 * queued deliveries; `webhook-deliver` POSTs one, retried on the `webhook` backoff: WEBHOOK_RETRY_* waits, about a
 * day in all by default.
 */
@Processor(QUEUES.webhooks)
export class WebhooksProcessor extends BoundedWorkerHost {
  private readonly handlers: { [N in WebhooksJob]: (job: Job<JobPayloads[N]>) => Promise<unknown> };

  constructor(
    deliveries: WebhookDeliveryService,
    private readonly settings: ConfigService<AppConfig, true>,
  ) {
    super(settings);
    this.handlers = {
      [WEBHOOK_FAN_OUT]: () => deliveries.fanOut(),
      // attemptsMade counts the attempts before this one.
      [WEBHOOK_DELIVER]: (job) =>
        deliveries.deliver(job.data.deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
    };
  }

  override onApplicationBootstrap() {
    super.onApplicationBootstrap();
    const delays = webhookDelays(this.settings);
    // BullMQ reads the strategy from the worker's options when a job fails, so it can be set once the worker exists.
    this.worker.opts.settings = {
      ...this.worker.opts.settings,
      backoffStrategy: (attemptsMade: number, type?: string) =>
        type === WEBHOOK_BACKOFF ? (delays[attemptsMade - 1] ?? delays.at(-1) ?? 0) : 0,
    };
  }

  process(job: Job<JobPayloads[WebhooksJob]>) {
    const handler = handlerFor(this.handlers, QUEUES.webhooks, job.name) as (
      job: Job<JobPayloads[WebhooksJob]>,
    ) => Promise<unknown>;
    return handler(job);
  }
}
