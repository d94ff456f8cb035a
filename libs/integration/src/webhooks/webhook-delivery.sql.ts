import { statement } from '#common';
import type { WebhookEventType } from './webhook.entities.js';

/**
 * Up to `$1` events not fanned out yet (skipping those another worker holds), marked fanned out, and one delivery per
 * event and active subscription that existed when it happened. Answers both counts: no event means nothing is left.
 */
export const FAN_OUT_EVENTS_SQL = statement<{ events: number; inserted: number }>(
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
);

/** Up to `$1` deliveries not on the queue yet, oldest first. */
export const UNQUEUED_DELIVERIES_SQL = statement<{ id: string }>(
  `SELECT id FROM webhook_deliveries WHERE queued_at IS NULL ORDER BY created_at, id LIMIT $1`,
);

/** The deliveries `$1` are on the queue: their job ids keep them from being queued twice. */
export const MARK_QUEUED_SQL = statement<never>(
  `UPDATE webhook_deliveries SET queued_at = now() WHERE id = ANY ($1::uuid[])`,
);

/** Delivery `$1` with its subscription's target and the event it carries. */
export const DELIVERY_SQL = statement<{
  status: string;
  url: string;
  secret: string;
  subscription_status: string;
  event_id: string;
  type: WebhookEventType;
  payload: unknown;
  occurred_at: Date;
}>(
  `SELECT d.status, s.url, s.secret, s.status AS subscription_status, e.id AS event_id, e.type, e.payload, e.created_at AS occurred_at
     FROM webhook_deliveries d
     JOIN webhook_subscriptions s ON s.id = d.subscription_id
     JOIN webhook_events e ON e.id = d.event_id
    WHERE d.id = $1`,
);

/** A pending delivery `$1` whose subscription is no longer active will never go out. */
export const FAIL_PENDING_DELIVERY_SQL = statement<never>(
  `UPDATE webhook_deliveries SET status = 'failed' WHERE id = $1 AND status = 'pending'`,
);

/** Delivery `$1` after an attempt: delivered when `$2` (it succeeded), failed when `$3` (it was the last), else pending. */
export const RECORD_DELIVERY_ATTEMPT_SQL = statement<{ subscription_id: string }>(
  `UPDATE webhook_deliveries
      SET attempts = attempts + 1,
          status = CASE WHEN $2 THEN 'delivered' WHEN $3 THEN 'failed' ELSE 'pending' END,
          delivered_at = CASE WHEN $2 THEN now() ELSE delivered_at END
    WHERE id = $1
    RETURNING subscription_id`,
);

/** The attempt's log line: delivery, when, the receiver's status code or the error, how long it took. */
export const LOG_ATTEMPT_SQL = statement<never>(
  `INSERT INTO webhook_delivery_attempts (delivery_id, attempted_at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`,
);

/** Subscription `$1`'s status, its row locked so parallel attempts count their failures one after another. */
export const LOCK_SUBSCRIPTION_SQL = statement<{ status: string }>(
  `SELECT status FROM webhook_subscriptions WHERE id = $1 FOR UPDATE`,
);

/**
 * Subscription `$1`'s run of failures after an attempt that succeeded (`$2`) or not; `$3` failures in a row pause an
 * active one.
 */
export const COUNT_SUBSCRIPTION_FAILURE_SQL = statement<{
  id: string;
  url: string;
  owner_email: string | null;
  consecutive_failures: number;
  paused_at: Date | null;
  status: string;
}>(
  `UPDATE webhook_subscriptions
      SET consecutive_failures = CASE WHEN $2 THEN 0 ELSE consecutive_failures + 1 END,
          status = CASE WHEN NOT $2 AND status = 'active' AND consecutive_failures + 1 >= $3 THEN 'paused' ELSE status END,
          paused_at = CASE WHEN NOT $2 AND status = 'active' AND consecutive_failures + 1 >= $3 THEN now() ELSE paused_at END
    WHERE id = $1
    RETURNING id, url, owner_email, consecutive_failures, paused_at, status`,
);

/** Delivery `$1` fails with its subscription's pause: its remaining attempts would only fail again. */
export const FAIL_DELIVERY_SQL = statement<never>(`UPDATE webhook_deliveries SET status = 'failed' WHERE id = $1`);

/** The notice to a paused subscription's owner: `$1` its key, `$2` recipient, `$3` subject, `$4` body. */
export const PAUSED_NOTICE_SQL = `SELECT $1::text AS notice_key, NULL::uuid AS alert_id, $2::text AS recipient, $3::text AS subject, $4::text AS body`;
