import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { sqlList } from '#common';

export const IDEMPOTENCY_STATES = ['running', 'done'] as const;
export type IdempotencyState = (typeof IDEMPOTENCY_STATES)[number];

/**
 * An `Idempotency-Key` a client sent, bound to the hash of its body. `running` until the request commits, then
 * `done` with the response to replay. Kept at least 24 hours (see IdempotencyService).
 */
@Entity({ name: 'idempotency_keys' })
@Check('ck_idempotency_keys_state', `state IN (${sqlList(IDEMPOTENCY_STATES)})`)
export class IdempotencyKeyEntity {
  /** `api_key:<id>` or `user:<id>`: keys are the client's own namespace. */
  @PrimaryColumn({ type: 'varchar', length: 220 })
  clientId: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  /** sha256 (hex) of the body's bytes as received. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 10 })
  state: IdempotencyState;

  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  // The cleanup deletes by age through this index.
  @Index('ix_idempotency_keys_created_at')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
