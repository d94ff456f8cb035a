import { Logger } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import type { Redis } from 'ioredis';
import { TtlCache } from '../cache/ttl-cache.js';
import type { AppConfig } from '../config/environment.js';
import { TooManyRequestsProblem } from '../problem-details/problem.js';
import { RateLimitCounter, untilReady, WINDOW_MS, type Hit } from './rate-limit.counter.js';

/** An address's count as last read, and when its minute is over. */
type Count = { hits: number; resetsAt: number };

/** 1 s: how late this process sees another replica's refusals of an address, against a Redis read per sign-in. */
const PEEK_CACHE = { maxEntries: 10_000, ttlMs: 1_000 };

/**
 * Refused sign-ins per client address. AUTH_FAILURE_LIMIT_PER_MINUTE refusals a minute are answered 401 as usual;
 * past that the address is answered 429 until its minute is over, before its credential is even checked, so an
 * address that keeps guessing costs a Redis read rather than a signature check or a key lookup. Per address because
 * a guesser has no identity to count by: that address's own valid sign-ins wait too, other addresses' never do.
 * Counted in the Redis all replicas share; while it is down, sign-ins pass unlimited and a warning is logged.
 *
 * The count read before a sign-in is kept a second per address, so most sign-ins read nothing from Redis. A refusal
 * this process counts drops the address's kept count, so this process's own refusals are limited exactly; other
 * replicas' are seen within the second. An address over the limit stays so until its minute is over: that answer is
 * kept as long. While Redis is down nothing is kept and every sign-in asks it again.
 */
export class AuthFailureLimiter {
  private readonly logger = new Logger('RateLimit');
  private readonly limit: number;
  private readonly counter: RateLimitCounter;
  private readonly counts: TtlCache<string, Count>;

  constructor(
    private readonly redis: Redis,
    config: ConfigService<AppConfig, true>,
    now?: () => number,
  ) {
    this.limit = config.get('AUTH_FAILURE_LIMIT_PER_MINUTE', { infer: true });
    this.counter = new RateLimitCounter(
      redis,
      `${config.get('RATE_LIMIT_KEY_PREFIX', { infer: true })}refused-sign-ins:`,
    );
    this.counts = new TtlCache({ ...PEEK_CACHE, now });
  }

  async ready(): Promise<void> {
    if (this.limit > 0) await untilReady(this.redis);
  }

  /** Answers 429 when the address has had the limit of refusals in this minute already. */
  async assertBelowLimit(address: string): Promise<void> {
    const count = this.counts.get(address) ?? (await this.peek(address));
    if (count && count.hits >= this.limit) throw this.tooMany(count.resetsAt - this.counts.now());
  }

  /** Counts one refusal. Past the limit (several replicas refusing one address at once) it is answered 429, not 401. */
  async recordRefusal(address: string): Promise<void> {
    const hit = await this.count(() => this.counter.hit(address, WINDOW_MS));
    // After the answer: one connection answers in order, so a count read before this refusal is kept no longer.
    this.counts.delete(address);
    if (hit && hit.hits > this.limit) throw this.tooMany(hit.resetsInMs);
  }

  private async peek(address: string): Promise<Count | null> {
    const hit = await this.count(() => this.counter.peek(address));
    if (!hit) return null;
    const count = { hits: hit.hits, resetsAt: this.counts.now() + hit.resetsInMs };
    this.counts.set(address, count, hit.hits >= this.limit ? hit.resetsInMs : PEEK_CACHE.ttlMs);
    return count;
  }

  private async count(read: () => Promise<Hit>): Promise<Hit | null> {
    if (this.limit === 0) return null;
    try {
      return await read();
    } catch (error) {
      this.logger.warn({ err: error }, 'Refused sign-ins not limited: Redis did not answer');
      return null;
    }
  }

  private tooMany(resetsInMs: number): TooManyRequestsProblem {
    const seconds = Math.max(Math.ceil(resetsInMs / 1000), 1);
    return new TooManyRequestsProblem(
      `More than ${this.limit} refused sign-ins a minute from your address; try again in ${seconds} seconds (Retry-After).`,
      seconds,
    );
  }
}
