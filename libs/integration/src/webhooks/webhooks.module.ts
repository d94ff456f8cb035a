import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueuesModule } from '#queue';
import { NotificationsModule } from '#notifications';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';
import { WebhookSubscriptionEntity } from './webhook.entities.js';

/** The API's side of webhooks: subscriptions, their deliveries, redelivery by hand. */
@Module({
  imports: [QueuesModule.forRoot('producer'), TypeOrmModule.forFeature([WebhookSubscriptionEntity])],
  controllers: [WebhookSubscriptionsController],
  providers: [WebhookSubscriptionsService],
})
export class WebhooksModule {}

/** The worker's side: fan-out and delivery (its processor is apps/worker/src/webhooks.processor.ts). */
@Module({
  imports: [QueuesModule.forRoot('worker'), NotificationsModule],
  providers: [WebhookDeliveryService],
  exports: [WebhookDeliveryService],
})
export class WebhooksWorkerModule {}
