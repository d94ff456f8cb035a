import type { ConfigService } from '@nestjs/config';
import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '#common';
import { webhookRetryDelays } from './webhook-retry.js';

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
