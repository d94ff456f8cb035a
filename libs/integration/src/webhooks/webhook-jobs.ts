import type { ConfigService } from '@nestjs/config';
import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '#common';
import { QUEUES } from '#queue';
import { webhookRetryDelays } from './webhook-retry.js';

/** Turns new webhook events into deliveries, one per matching subscription (every few seconds, see WEBHOOK_FAN_OUT_INTERVAL_MS). */
export const WEBHOOK_FAN_OUT = 'webhook-fan-out';
/** POSTs one webhook delivery (`{ deliveryId }`; the BullMQ job id is the delivery id, or `<delivery id>-redelivery-<uuid>` for a redelivery by hand). */
export const WEBHOOK_DELIVER = 'webhook-deliver';
/** Both go on their own queue, which job_runs do not track: a delivery has its own record. */
export const WEBHOOK_QUEUE = QUEUES.webhooks;
export type WebhookJobPayloads = {
  [WEBHOOK_FAN_OUT]: Record<string, never>;
  [WEBHOOK_DELIVER]: { deliveryId: string };
};

/** The backoff type the webhooks worker answers with webhookRetryDelays. */
export const WEBHOOK_BACKOFF = 'webhook';

export function webhookDelays(config: ConfigService<AppConfig, true>): number[] {
  return webhookRetryDelays(
    config.get('WEBHOOK_RETRY_BASE_MS', { infer: true }),
    config.get('WEBHOOK_RETRY_MAX_DELAY_MS', { infer: true }),
    config.get('WEBHOOK_RETRY_WINDOW_MS', { infer: true }),
  );
}

/** One attempt plus one per wait; the waits come from the worker's backoff strategy. */
export function webhookDeliveryJobOptions(config: ConfigService<AppConfig, true>): JobsOptions {
  return { attempts: webhookDelays(config).length + 1, backoff: { type: WEBHOOK_BACKOFF } };
}
