import { Logger } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/environment.js';
import { TooManyRequestsProblem } from '../problem-details/problem.js';
import { RateLimitCounter, untilReady, WINDOW_MS, type Hit } from './rate-limit.counter.js';

/**
 * Refused sign-ins per client address. AUTH_FAILURE_LIMIT_PER_MINUTE refusals a minute are answered 401 as usual;
 * past that the address is answered 429 until its minute is over, before its credential is even checked, so an
 * address that keeps guessing costs a Redis read rather than a signature check or a key lookup. Per address because
 * a guesser has no identity to count by: that address's own valid sign-ins wait too, other addresses' never do.
 * Counted in the Redis all replicas share; while it is down, sign-ins pass unlimited and a warning is logged.
 */
export class AuthFailureLimiter {
  private readonly logger = new Logger('RateLimit');
  private readonly limit: number;
  private readonly counter: RateLimitCounter;

  constructor(
    private readonly redis: Redis,
    config: ConfigService<AppConfig, true>,
  ) {
    this.limit = config.get('AUTH_FAILURE_LIMIT_PER_MINUTE', { infer: true });
    this.counter = new RateLimitCounter(
      redis,
      `${config.get('RATE_LIMIT_KEY_PREFIX', { infer: true })}refused-sign-ins:`,
    );
  }

  async ready(): Promise<void> {
    if (this.limit > 0) await untilReady(this.redis);
  }

  /** Answers 429 when the address has had the limit of refusals in this minute already. */
  async assertBelowLimit(address: string): Promise<void> {
    const count = await this.count(() => this.counter.peek(address));
    if (count && count.hits >= this.limit) throw this.tooMany(count);
  }

  /** Counts one refusal. Past the limit (several replicas refusing one address at once) it is answered 429, not 401. */
  async recordRefusal(address: string): Promise<void> {
    const count = await this.count(() => this.counter.hit(address, WINDOW_MS));
    if (count && count.hits > this.limit) throw this.tooMany(count);
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

  private tooMany({ resetsInMs }: Hit): TooManyRequestsProblem {
    const seconds = Math.max(Math.ceil(resetsInMs / 1000), 1);
    return new TooManyRequestsProblem(
      `More than ${this.limit} refused sign-ins a minute from your address; try again in ${seconds} seconds (Retry-After).`,
      seconds,
    );
  }
}
