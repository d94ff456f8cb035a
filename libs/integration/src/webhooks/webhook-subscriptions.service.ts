import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import {
  ConflictProblem,
  findOneOrNotFound,
  lockOneOrNotFound,
  queryRows,
  RuleViolationProblem,
  updateVersioned,
  type AppConfig,
  type Page,
} from '#common';
import { AuditService, type RequestContext } from '#identity';
import { WEBHOOK_DELIVER, WEBHOOK_QUEUE } from './webhook-jobs.js';
import type {
  CreateWebhookSubscriptionDto,
  ListWebhookDeliveriesQueryDto,
  UpdateWebhookSubscriptionDto,
  WebhookAttemptDto,
  WebhookDeliveryDto,
  WebhookSubscriptionDto,
} from './dto/webhook-subscription.dto.js';
import { WebhookDeliveryEntity, WebhookSubscriptionEntity } from './webhook.entities.js';
import { DELIVERIES_PAGE_SQL, DELIVERY_ATTEMPTS_SQL } from './webhook-subscriptions.sql.js';
import { webhookDeliveryJobOptions } from './webhook-jobs.js';
import { resolveWebhookTarget, WebhookTargetError } from './webhook-target.js';

/** Admins' webhook subscriptions (design: docs/integration.md, "Receive events (webhooks)"). */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @InjectRepository(WebhookSubscriptionEntity) private readonly subscriptions: Repository<WebhookSubscriptionEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(WEBHOOK_QUEUE) private readonly queue: Queue,
    private readonly audit: AuditService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async list(): Promise<WebhookSubscriptionDto[]> {
    return (await this.subscriptions.find({ order: { createdAt: 'ASC', id: 'ASC' } })).map(toDto);
  }

  async get(id: string): Promise<WebhookSubscriptionDto> {
    return toDto(await findOneOrNotFound(this.subscriptions, 'webhook subscription', id));
  }

  async create(ctx: RequestContext, dto: CreateWebhookSubscriptionDto): Promise<WebhookSubscriptionDto> {
    await this.assertTargetAllowed(dto.url);
    return this.dataSource.transaction(async (em) => {
      const saved = await em.save(
        em.create(WebhookSubscriptionEntity, {
          url: dto.url,
          events: dto.events,
          secret: dto.secret,
          ownerEmail: dto.ownerEmail ?? (ctx.actor.kind === 'user' ? ctx.actor.email : null),
          createdBy: `${ctx.actor.kind}:${ctx.actor.id}`,
        }),
      );
      const subscription = await em.findOneByOrFail(WebhookSubscriptionEntity, { id: saved.id });
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'webhook_subscription',
        entityId: subscription.id,
        after: audited(subscription, true),
      });
      return toDto(subscription);
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    dto: UpdateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionDto> {
    if (dto.url !== undefined) await this.assertTargetAllowed(dto.url);
    return this.dataSource.transaction(async (em) => {
      const before = await lockOneOrNotFound(em, WebhookSubscriptionEntity, 'webhook subscription', id);
      const resumed = dto.status === 'active' && before.status === 'paused';
      const paused = dto.status === 'paused' && before.status === 'active';
      await updateVersioned(em, WebhookSubscriptionEntity, 'webhook subscription', id, expectedVersion, {
        ...dto,
        ...(resumed && { consecutiveFailures: 0, pausedAt: null }),
        ...(paused && { pausedAt: new Date() }),
      });
      const after = await em.findOneByOrFail(WebhookSubscriptionEntity, { id });
      await this.audit.record(em, ctx, {
        action: 'update',
        entityType: 'webhook_subscription',
        entityId: id,
        before: audited(before, false),
        after: audited(after, dto.secret !== undefined),
      });
      return toDto(after);
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const before = await lockOneOrNotFound(em, WebhookSubscriptionEntity, 'webhook subscription', id);
      // Its deliveries and attempts go with it (ON DELETE CASCADE); a queued job then finds no delivery and does nothing.
      await em.delete(WebhookSubscriptionEntity, { id });
      await this.audit.record(em, ctx, {
        action: 'delete',
        entityType: 'webhook_subscription',
        entityId: id,
        before: audited(before, false),
      });
    });
  }

  /** Newest first, each with its attempts: two statements per page, whatever its size. */
  async deliveries(
    id: string,
    query: ListWebhookDeliveriesQueryDto,
    onlyDeliveryId: string | null = null,
  ): Promise<Page<WebhookDeliveryDto>> {
    await findOneOrNotFound(this.subscriptions, 'webhook subscription', id);
    const rows = await queryRows(this.dataSource, DELIVERIES_PAGE_SQL, [id, query.limit, query.offset, onlyDeliveryId]);
    const attempts = await queryRows(this.dataSource, DELIVERY_ATTEMPTS_SQL, [rows.map((r) => r.id)]);
    const byDelivery = new Map<string, WebhookAttemptDto[]>();
    for (const { deliveryId, ...attempt } of attempts)
      byDelivery.set(deliveryId, [...(byDelivery.get(deliveryId) ?? []), attempt]);
    // Past the last page the window count is not there to read.
    const total =
      rows[0]?.total ?? (await this.dataSource.getRepository(WebhookDeliveryEntity).countBy({ subscriptionId: id }));
    return {
      items: rows.map(({ total: _total, ...row }) => ({ ...row, attemptLog: byDelivery.get(row.id) ?? [] })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /**
   * Sends the delivery again, with a fresh round of retries, whatever became of it: the receiver dedupes on the event
   * id. Only for an active subscription (a paused one is resumed first, with PATCH).
   */
  async redeliver(ctx: RequestContext, id: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.dataSource.transaction(async (em) => {
      const subscription = await lockOneOrNotFound(em, WebhookSubscriptionEntity, 'webhook subscription', id);
      if (subscription.status !== 'active')
        throw new ConflictProblem('The subscription is paused; resume it (PATCH status active) before redelivering.');
      const before = await this.lockDelivery(em, id, deliveryId);
      await em.update(WebhookDeliveryEntity, { id: deliveryId }, { status: 'pending' });
      await this.audit.record(em, ctx, {
        action: 'update',
        entityType: 'webhook_delivery',
        entityId: deliveryId,
        before: { status: before.status },
        after: { status: 'pending' },
      });
    });
    // After the commit, so the worker finds the delivery pending. A job id of its own: the first job's id is taken.
    await this.queue.add(
      WEBHOOK_DELIVER,
      { deliveryId },
      { ...webhookDeliveryJobOptions(this.config), jobId: `${deliveryId}-redelivery-${randomUUID()}` },
    );
    return (await this.deliveries(id, { limit: 1, offset: 0 }, deliveryId)).items[0];
  }

  private async lockDelivery(
    em: EntityManager,
    subscriptionId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryEntity> {
    return findOneOrNotFound(em.getRepository(WebhookDeliveryEntity), 'webhook delivery', deliveryId, {
      where: { id: deliveryId, subscriptionId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async assertTargetAllowed(url: string): Promise<void> {
    try {
      await resolveWebhookTarget(new URL(url), this.config.get('WEBHOOK_ALLOW_PRIVATE_TARGETS', { infer: true }));
    } catch (error) {
      if (!(error instanceof WebhookTargetError)) throw error;
      throw new RuleViolationProblem(`The webhook target is refused: ${error.message}.`, [
        { field: 'url', message: error.message },
      ]);
    }
  }
}

function toDto(s: WebhookSubscriptionEntity): WebhookSubscriptionDto {
  return {
    id: s.id,
    url: s.url,
    events: s.events,
    status: s.status,
    ownerEmail: s.ownerEmail,
    createdBy: s.createdBy,
    consecutiveFailures: s.consecutiveFailures,
    pausedAt: s.pausedAt,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The audit trail notes that the secret was set or changed, never the secret. */
function audited(s: WebhookSubscriptionEntity, secretSet: boolean) {
  const { secret: _secret, ...rest } = s;
  return secretSet ? { ...rest, secret: '(set)' } : rest;
}
