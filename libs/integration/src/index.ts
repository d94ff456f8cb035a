export * from './integration.module.js';
export * from './budget/budget-dimension.entity.js';
export * from './budget/budget-line.entity.js';
export * from './idempotency/idempotency-key.entity.js';
export { BUDGET_LINES_BODY_LIMIT, BUDGET_LINES_PATH } from './budget/budget-integration.controller.js';
export * from './webhooks/webhook.entities.js';
export { WebhooksModule, WebhooksWorkerModule } from './webhooks/webhooks.module.js';
export { WebhookDeliveryService } from './webhooks/webhook-delivery.service.js';
export {
  WEBHOOK_BACKOFF,
  WEBHOOK_DELIVER,
  WEBHOOK_FAN_OUT,
  WEBHOOK_QUEUE,
  webhookDelays,
  type WebhookJobPayloads,
} from './webhooks/webhook-jobs.js';
export { INTEGRATION_ENTITIES } from './integration.entities.js';
