export * from './integration.module.js';
export * from './budget/budget-dimension.entity.js';
export * from './budget/budget-line.entity.js';
export * from './idempotency/idempotency-key.entity.js';
export { BUDGET_LINES_BODY_LIMIT, BUDGET_LINES_PATH } from './budget/budget-integration.controller.js';
export * from './webhooks/webhook.entities.js';
export { WebhooksModule, WebhooksWorkerModule } from './webhooks/webhooks.module.js';
export { WebhookDeliveryService } from './webhooks/webhook-delivery.service.js';
export { WEBHOOK_BACKOFF, webhookDelays } from './webhooks/webhook-jobs.js';
