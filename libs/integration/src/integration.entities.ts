import { BudgetDimensionEntity, BudgetDimensionCodeEntity } from './budget/budget-dimension.entity.js';
import { BudgetLineEntity } from './budget/budget-line.entity.js';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity.js';
import {
  WebhookSubscriptionEntity,
  WebhookEventEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryAttemptEntity,
} from './webhooks/webhook.entities.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const INTEGRATION_ENTITIES = [
  BudgetDimensionEntity,
  BudgetDimensionCodeEntity,
  BudgetLineEntity,
  IdempotencyKeyEntity,
  WebhookSubscriptionEntity,
  WebhookEventEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryAttemptEntity,
];
