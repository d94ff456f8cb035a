import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'transition', 'decision', 'revoke'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How the actor signed in: a bearer token (`user`), an API key, or not at all: one of Samla's own processes (the demo seed). */
export const AUDIT_ACTOR_KINDS = ['user', 'api_key', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** One field's value before and after a change; a created record has no before, a deleted one no after. */
export type FieldChange = { before?: unknown; after?: unknown };

/**
 * Who did what to which record, when, with the values before and after. Append-only: the database itself refuses
 * UPDATE, DELETE and TRUNCATE on this table (AuditAppendOnly migration), whoever asks.
 */
@Entity({ name: 'audit_events' })
@Index('ix_audit_events_entity', ['entityType', 'entityId', 'occurredAt'])
@Index('ix_audit_events_actor', ['actorId', 'occurredAt'])
@Index('ix_audit_events_initiative', ['initiativeId', 'occurredAt'])
export class AuditEventEntity {
  /** A sequence, so events read back in the order they were written. Sent as a string (it is a bigint). */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('ix_audit_events_occurred_at')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 10 })
  actorKind: AuditActorKind;

  @Column({ type: 'varchar', length: 200 })
  actorId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 20 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'varchar', length: 200 })
  entityId: string;

  /**
   * The initiative the record belongs to (the initiative itself, or the one a funding line pays for), so an
   * initiative's history is one indexed query. No foreign key: the trail outlives a deleted draft.
   */
  @Column({ type: 'uuid', nullable: true })
  initiativeId: string | null;

  /** Only the fields that changed: `{ title: { before: "…", after: "…" } }`. */
  @Column({ type: 'jsonb', default: {} })
  changes: Record<string, FieldChange>;

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId: string | null;
}
