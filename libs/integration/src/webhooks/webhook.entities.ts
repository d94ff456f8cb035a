import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { sqlList, VersionedEntity } from '#common';

export const WEBHOOK_EVENT_TYPES = [
  'initiative.created',
  'initiative.status_changed',
  'funding.changed',
  'alert.raised',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_SUBSCRIPTION_STATUSES = ['active', 'paused'] as const;
export type WebhookSubscriptionStatus = (typeof WEBHOOK_SUBSCRIPTION_STATUSES)[number];

/** `pending` until an attempt answers 2xx (`delivered`) or the retries run out or the subscription is paused (`failed`). */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** An integrator's receiver: where Samla POSTs which events, signed with the secret. `version` moves with an admin's change (If-Match), not with the worker's failure count. */
@Entity({ name: 'webhook_subscriptions' })
@Check('ck_webhook_subscriptions_status', `status IN (${sqlList(WEBHOOK_SUBSCRIPTION_STATUSES)})`)
export class WebhookSubscriptionEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 40, array: true })
  events: WebhookEventType[];

  /**
   * Kept as written, because signing needs it (a hash could not sign); never returned by the API. Only admins reach
   * the table through the API; database backups hold it like they hold the API's other secrets.
   */
  @Column({ type: 'varchar', length: 200, select: false })
  secret: string;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status: WebhookSubscriptionStatus;

  /** Told when the subscription is paused; the creating user's e-mail unless given. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  ownerEmail: string | null;

  @Column({ type: 'varchar', length: 200 })
  createdBy: string;

  /** Failed attempts since the last success; at WEBHOOK_PAUSE_AFTER_FAILURES the subscription is paused. */
  @Column({ type: 'integer', default: 0 })
  consecutiveFailures: number;

  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;
}

/**
 * The outbox of webhook events, written by triggers in the transaction of the change (so a committed change always
 * has its event, and a rolled-back one none). The id is the event id receivers deduplicate on.
 */
@Entity({ name: 'webhook_events' })
@Index('ix_webhook_events_unfanned', ['createdAt'], { where: 'fanned_out_at IS NULL' })
export class WebhookEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  type: WebhookEventType;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When its deliveries were created; null while the fan-out has not seen it. */
  @Column({ type: 'timestamptz', nullable: true })
  fannedOutAt: Date | null;
}

/** One event for one subscription: one BullMQ job, retried until delivered or given up. */
@Entity({ name: 'webhook_deliveries' })
@Check('ck_webhook_deliveries_status', `status IN (${sqlList(WEBHOOK_DELIVERY_STATUSES)})`)
@Index('ux_webhook_deliveries_subscription_event', ['subscriptionId', 'eventId'], { unique: true })
@Index('ix_webhook_deliveries_unqueued', ['createdAt'], { where: 'queued_at IS NULL' })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  subscriptionId: string;

  // Deleting a subscription deletes its deliveries and their attempts.
  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'fk_webhook_deliveries_subscription' })
  subscription?: Relation<WebhookSubscriptionEntity>;

  @Index('ix_webhook_deliveries_event_id')
  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => WebhookEventEntity)
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_webhook_deliveries_event' })
  event?: Relation<WebhookEventEntity>;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When its job was added to the queue; null between the fan-out's commit and the add. */
  @Column({ type: 'timestamptz', nullable: true })
  queuedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Every POST made for a delivery, answered or not. */
@Entity({ name: 'webhook_delivery_attempts' })
@Index('ix_webhook_delivery_attempts_delivery', ['deliveryId', 'attemptedAt'])
export class WebhookDeliveryAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  deliveryId: string;

  @ManyToOne(() => WebhookDeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'fk_webhook_delivery_attempts_delivery' })
  delivery?: Relation<WebhookDeliveryEntity>;

  @Column({ type: 'timestamptz' })
  attemptedAt: Date;

  /** The receiver's HTTP status; null when it did not answer (see error). */
  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ type: 'integer' })
  durationMs: number;
}
