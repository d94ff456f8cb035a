import { ApiProblemError } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { summaryFor } from '../../../lib/problem';
import { administrationMessages } from '../messages';
import { formatInstant } from './format-instant';

type WebhookDelivery = components['schemas']['WebhookDeliveryDto'];
const t = administrationMessages.webhooks;

/** How the last attempt went: when, and the receiver's answer or why there was none (`5 december 2026 kl. 13:04: Svarade 500`). */
export function lastAttemptInWords(delivery: Pick<WebhookDelivery, 'attemptLog'>): string {
  const last = delivery.attemptLog.at(-1);
  if (!last) return t.noAttempt;
  const outcome = last.statusCode !== null ? t.answered(last.statusCode) : (last.error ?? t.none);
  return `${formatInstant(last.attemptedAt)}: ${outcome}`;
}

/** A refused pause, resume or redelivery in one sentence, for the page's announcement. */
export function refusalOf(error: unknown): string {
  return `${t.refused} ${summaryFor(error instanceof ApiProblemError ? error.problem.status : 0)}`;
}
