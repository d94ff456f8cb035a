import type { ChainableCommander, Redis } from 'ioredis';
import { once } from 'node:events';

export type Hit = { hits: number; resetsInMs: number };

/** Every limit counts a minute. */
export const WINDOW_MS = 60_000;
const REDIS_READY_WAIT_MS = 2_000;

/** The shared client does not queue commands while it connects; without this a process's first requests go uncounted. */
export async function untilReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return;
  await once(redis, 'ready', { signal: AbortSignal.timeout(REDIS_READY_WAIT_MS) }).catch(() => undefined);
}

/**
 * A fixed window per caller in the Redis every API replica shares. One MULTI runs atomically: the first hit of a
 * window creates the key with its expiry, every hit increments it, so two replicas answering the same caller at
 * the same moment both count.
 */
export class RateLimitCounter {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async hit(caller: string, windowMs: number): Promise<Hit> {
    const key = `${this.keyPrefix}${caller}`;
    const [, hits, resetsInMs] = await replies<[unknown, number, number]>(
      this.redis.multi().set(key, 0, 'PX', windowMs, 'NX').incr(key).pttl(key),
    );
    return { hits, resetsInMs: Math.max(resetsInMs, 0) };
  }

  /** The caller's count in the current window without adding to it; no hits when the caller has none. */
  async peek(caller: string): Promise<Hit> {
    const key = `${this.keyPrefix}${caller}`;
    // Asked on every sign-in, and almost always of a caller with no count: one GET, the MULTI only when there is one.
    if ((await this.redis.get(key)) === null) return { hits: 0, resetsInMs: 0 };
    const [hits, resetsInMs] = await replies<[string | null, number]>(this.redis.multi().get(key).pttl(key));
    return { hits: Number(hits ?? 0), resetsInMs: Math.max(resetsInMs, 0) };
  }
}

async function replies<T extends unknown[]>(transaction: ChainableCommander): Promise<T> {
  const results = await transaction.exec();
  const failed = results?.find(([error]) => error);
  if (!results || failed) throw failed?.[0] ?? new Error('Redis discarded the rate-limit transaction');
  return results.map(([, value]) => value) as T;
}
