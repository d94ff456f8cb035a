import { statement } from '#common';
import type { WebhookDeliveryDto } from './dto/webhook-subscription.dto.js';

/** A page (`$2` limit, `$3` offset) of subscription `$1`'s deliveries, newest first, or only delivery `$4` when given; with the count of all. */
export const DELIVERIES_PAGE_SQL = statement<Omit<WebhookDeliveryDto, 'attemptLog'> & { total: number }>(
  `SELECT d.id, d.event_id AS "eventId", e.type AS "eventType", d.status, d.attempts, d.created_at AS "createdAt",
          d.delivered_at AS "deliveredAt", count(*) OVER ()::int AS total
     FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
    WHERE d.subscription_id = $1 AND ($4::uuid IS NULL OR d.id = $4)
    ORDER BY d.created_at DESC, d.id DESC
    LIMIT $2 OFFSET $3`,
);

/** Every attempt of the deliveries `$1`, in the order they were made. */
export const DELIVERY_ATTEMPTS_SQL = statement<WebhookDeliveryDto['attemptLog'][number] & { deliveryId: string }>(
  `SELECT delivery_id AS "deliveryId", attempted_at AS "attemptedAt", status_code AS "statusCode", error, duration_ms AS "durationMs"
     FROM webhook_delivery_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY attempted_at, id`,
);
