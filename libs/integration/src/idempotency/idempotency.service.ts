import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictProblem, DomainException, execute, queryRow, ValidationProblem } from '#common';
import type { RequestContext } from '#identity';
import {
  CLAIM_KEY_SQL,
  DELETE_EXPIRED_KEYS_SQL,
  LOCK_CLAIM_SQL,
  RELEASE_KEY_SQL,
  STORE_RESPONSE_SQL,
} from './idempotency.sql.js';

/** Keys are kept at least this long; older ones are deleted by the next request that claims a key. */
export const IDEMPOTENCY_KEY_TTL = '24 hours';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export type StoredResponse = { status: number; body: unknown };
export type IdempotentResponse = StoredResponse & { replayed: boolean };

export class IdempotencyKeyReusedProblem extends DomainException {
  constructor() {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      '/problems/idempotency-key-reused',
      'Idempotency-Key reused',
      'This Idempotency-Key was used with another request body. Send a new key for a new request.',
    );
  }
}

/** The header, checked: 1–200 visible ASCII characters (a UUID is a good choice). */
export function idempotencyKeyOrFail(header: string | undefined): string {
  if (header === undefined || !KEY_PATTERN.test(header)) {
    throw new ValidationProblem(
      [{ field: 'Idempotency-Key', message: 'required header: 1–200 visible ASCII characters, e.g. a UUID' }],
      'request headers',
    );
  }
  return header;
}

/**
 * Runs a write at most once per client and Idempotency-Key. The key is claimed in a statement of its own (committed
 * at once, state `running`), then the write's transaction locks that row with NOWAIT: a second request with the key
 * finds it locked and gets 409 instead of waiting; once done, the stored response is replayed. A `running` row that is
 * not locked belongs to a request that died, so it is taken over. A request that fails (422, 500) gives its key back,
 * so the client may retry it after fixing the cause.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `hash`: the request body's sha256 (hex), what the key is bound to. */
  async run(
    ctx: RequestContext,
    key: string,
    hash: string,
    write: (em: EntityManager) => Promise<StoredResponse>,
  ): Promise<IdempotentResponse> {
    const clientId = `${ctx.actor.kind}:${ctx.actor.id}`;
    await execute(this.dataSource, DELETE_EXPIRED_KEYS_SQL, [IDEMPOTENCY_KEY_TTL]);
    await execute(this.dataSource, CLAIM_KEY_SQL, [clientId, key, hash]);
    let writing = false;
    try {
      return await this.dataSource.transaction(async (em) => {
        const claim = await this.lockClaim(em, clientId, key);
        if (claim.request_hash !== hash) throw new IdempotencyKeyReusedProblem();
        if (claim.state === 'done')
          return { status: claim.response_status!, body: claim.response_body, replayed: true };
        writing = true;
        const response = await write(em);
        await execute(em, STORE_RESPONSE_SQL, [clientId, key, response.status, JSON.stringify(response.body)]);
        return { ...response, replayed: false };
      });
    } catch (error) {
      if (writing) {
        await execute(this.dataSource, RELEASE_KEY_SQL, [clientId, key]);
      }
      throw error;
    }
  }

  private async lockClaim(em: EntityManager, clientId: string, key: string) {
    try {
      const claim = await queryRow(em, LOCK_CLAIM_SQL, [clientId, key]);
      // Gone between claim and lock: a failed first attempt gave it back just now.
      if (!claim) throw new ConflictProblem(STILL_RUNNING);
      return claim;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === LOCK_NOT_AVAILABLE)
        throw new ConflictProblem(STILL_RUNNING);
      throw error;
    }
  }
}

const LOCK_NOT_AVAILABLE = '55P03';
const STILL_RUNNING =
  'A request with this Idempotency-Key is still being processed. Retry it in a moment: once done, its response is replayed.';
