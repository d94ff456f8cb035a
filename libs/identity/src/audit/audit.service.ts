import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { getPage, type AppConfig, type Page } from '#common';
import type { RequestContext } from '../actor.js';
import { AuditEventEntity, type AuditAction, type AuditActorKind, type FieldChange } from './audit-event.entity.js';
import { resolvePeriod } from './audit-period.js';
import type { ListAuditEventsQueryDto } from './dto/audit-event.dto.js';

export type AuditedChange = {
  action: AuditAction;
  entityType: string;
  entityId: string;
  /** The record before the change (null or absent when created). */
  before?: object | null;
  /** The record after the change (null or absent when deleted). */
  after?: object | null;
  /** The initiative the record belongs to (the initiative itself, or the one a funding line pays for). */
  initiativeId?: string | null;
};

/** Who acted and in which request; a RequestContext is one, and Samla's own processes name themselves (kind `system`, no request). */
export type AuditContext = {
  actor: { kind: AuditActorKind; id: string; name: string | null };
  requestId: string | null;
};

/** Bookkeeping columns that change with every write and say nothing about what was changed; the id is the event's entityId. */
const NOT_AUDITED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'searchVector']);

/**
 * Writes the audit trail. Always called with the transaction's EntityManager, so the event commits or rolls back
 * together with the change it describes.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async record(em: EntityManager, ctx: RequestContext, change: AuditedChange): Promise<void> {
    await em.save(auditEvent(em, ctx, change), { reload: false });
  }

  /** Many changes of one request (an import) in multi-row statements, rather than a round trip per record. */
  recordAll(em: EntityManager, ctx: RequestContext, changes: AuditedChange[]): Promise<void> {
    return recordAuditEvents(em, ctx, changes);
  }

  /** Newest first; events of one transaction keep the order they were written in. */
  async list(query: ListAuditEventsQueryDto): Promise<Page<AuditEventEntity>> {
    const { start, end, endIncluded } = resolvePeriod(
      query.from,
      query.to,
      this.config.get('TIME_ZONE', { infer: true }),
    );
    const q = this.events.createQueryBuilder('e');
    if (query.entityType !== undefined) q.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId !== undefined) q.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.actor !== undefined) q.andWhere('e.actorId = :actor', { actor: query.actor });
    if (query.action !== undefined) q.andWhere('e.action = :action', { action: query.action });
    if (query.initiativeId !== undefined)
      q.andWhere('e.initiativeId = :initiativeId', { initiativeId: query.initiativeId });
    if (start) q.andWhere('e.occurredAt >= :start', { start });
    if (end) q.andWhere(endIncluded ? 'e.occurredAt <= :end' : 'e.occurredAt < :end', { end });
    return getPage(q.orderBy('e.occurredAt', 'DESC').addOrderBy('e.id', 'DESC'), query);
  }
}

/** Writes the changes in multi-row statements, in the caller's transaction; also for processes without Nest (the demo seed). */
export async function recordAuditEvents(em: EntityManager, ctx: AuditContext, changes: AuditedChange[]): Promise<void> {
  // A statement carries at most 65,535 parameters; an event has 9.
  for (let i = 0; i < changes.length; i += 5000) {
    const events = changes.slice(i, i + 5000).map((change) => auditEvent(em, ctx, change));
    await em.insert(AuditEventEntity, events as QueryDeepPartialEntity<AuditEventEntity>[]);
  }
}

function auditEvent(em: EntityManager, ctx: AuditContext, change: AuditedChange): AuditEventEntity {
  return em.create(AuditEventEntity, {
    actorKind: ctx.actor.kind,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    initiativeId: change.initiativeId ?? null,
    changes: changedFields(change.before ?? null, change.after ?? null),
    requestId: ctx.requestId || null,
  });
}

/** The fields whose values differ, compared as JSON (dates, arrays and nested objects included). */
export function changedFields(before: object | null, after: object | null): Record<string, FieldChange> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: Record<string, FieldChange> = {};
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (NOT_AUDITED.has(field)) continue;
    const was = normalise(b[field]);
    const is = normalise(a[field]);
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    changes[field] = { ...(before && { before: was }), ...(after && { after: is }) };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
