import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/environment.js';
import { TooManyRequestsProblem } from '../problem-details/problem.js';
import { AuthFailureLimiter } from './auth-failure.limiter.js';

const LIMIT = 3;

/** Two replicas' limiters on the real Redis, each with the clock the test moves; the key prefix is this run's own. */
describe('AuthFailureLimiter', () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6380');
  const prefix = `samla-test:auth-failure-limiter:${randomUUID()}:`;
  const config = new ConfigService<AppConfig, true>({
    AUTH_FAILURE_LIMIT_PER_MINUTE: LIMIT,
    RATE_LIMIT_KEY_PREFIX: prefix,
  });
  const clock = { now: Date.parse('2026-12-01T08:00:00Z') };
  const replica = () => new AuthFailureLimiter(redis, config, () => clock.now);
  let address: string;

  beforeEach(() => (address = `address-${randomUUID()}`));
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  async function refuse(limiter: AuthFailureLimiter, times: number) {
    for (let i = 0; i < times; i++) await limiter.recordRefusal(address);
  }

  it('should answer 429 at the next sign-in when this process has refused the address the limit of times', async () => {
    const limiter = replica();
    await limiter.assertBelowLimit(address);

    await refuse(limiter, LIMIT);

    await expect(limiter.assertBelowLimit(address)).rejects.toBeInstanceOf(TooManyRequestsProblem);
  });

  it("should see another replica's refusals once the count it read is a second old", async () => {
    const first = replica();
    const second = replica();
    await first.assertBelowLimit(address);
    await refuse(second, LIMIT);

    clock.now += 999;
    await expect(first.assertBelowLimit(address)).resolves.toBeUndefined();
    clock.now += 1;

    await expect(first.assertBelowLimit(address)).rejects.toBeInstanceOf(TooManyRequestsProblem);
  });

  it('should keep answering 429 until the minute is over, without reading the count again', async () => {
    const limiter = replica();
    await refuse(limiter, LIMIT);
    await expect(limiter.assertBelowLimit(address)).rejects.toBeInstanceOf(TooManyRequestsProblem);
    // Gone from Redis: only the kept answer can still refuse.
    await redis.del(`${prefix}refused-sign-ins:${address}`);

    clock.now += 30_000;
    const refused = await limiter.assertBelowLimit(address).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyRequestsProblem);
    expect((refused as TooManyRequestsProblem).retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect((refused as TooManyRequestsProblem).retryAfterSeconds).toBeLessThanOrEqual(30);
    clock.now += 30_000;

    await expect(limiter.assertBelowLimit(address)).resolves.toBeUndefined();
  });
});
