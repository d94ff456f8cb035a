import type { Redis } from 'ioredis';

export type Hit = { hits: number; resetsInMs: number };

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
    const replies = await this.redis.multi().set(key, 0, 'PX', windowMs, 'NX').incr(key).pttl(key).exec();
    const failed = replies?.find(([error]) => error);
    if (!replies || failed) throw failed?.[0] ?? new Error('Redis discarded the rate-limit transaction');
    const [, [, hits], [, resetsInMs]] = replies as [unknown, [null, number], [null, number]];
    return { hits, resetsInMs: Math.max(resetsInMs, 0) };
  }
}
