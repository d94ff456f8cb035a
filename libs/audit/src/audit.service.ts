import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '#identity';
import { AuditEventEntity, type AuditAction, type FieldChange } from './audit-event.entity.js';

export type AuditedChange = {
  action: AuditAction;
  entityType: string;
  entityId: string;
  /** The record before the change (null or absent when created). */
  before?: object | null;
  /** The record after the change (null or absent when deleted). */
  after?: object | null;
};

/** Bookkeeping columns that change with every write and say nothing about what was changed. */
const NOT_AUDITED = new Set(['version', 'createdAt', 'updatedAt', 'searchVector']);

/**
 * Writes the audit trail. Always called with the transaction's EntityManager, so the event commits or rolls back
 * together with the change it describes.
 */
@Injectable()
export class AuditService {
  async record(em: EntityManager, ctx: RequestContext, change: AuditedChange): Promise<void> {
    const event = em.create(AuditEventEntity, {
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      changes: changedFields(change.before ?? null, change.after ?? null),
      requestId: ctx.requestId || null,
    });
    await em.save(event, { reload: false });
  }
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
