import { randomUUID } from 'node:crypto';
import { api, createTestApp, expectProblem, request, type TestAgent, type TestApp } from './support/test-app.js';

const LIMIT = 3;

describe('Rate limiting', () => {
  // Two replicas on the same Redis, with a key prefix of this run's own so parallel test files cannot interfere.
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = { RATE_LIMIT_PER_MINUTE: String(LIMIT), RATE_LIMIT_KEY_PREFIX: `samla-test:rate-limit:${randomUUID()}:` };
    first = await createTestApp({ env });
    second = await createTestApp({ env });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  const staff = (t: TestApp, sub: string, name?: string) => t.as({ role: 'staff', sub, name });
  const readGoals = (agent: TestAgent) => agent.get(api('/goals'));
  async function spendLimit(agent: TestAgent) {
    for (let i = 0; i < LIMIT; i++) expect((await readGoals(agent)).status).toBe(200);
  }

  it('should answer 429 problem+json with Retry-After when a user goes over the limit', async () => {
    const user = await staff(first, `user-${randomUUID()}`);
    await spendLimit(user);

    const res = await readGoals(user);

    expectProblem(res, 429);
    expect(res.body.type).toBe('/problems/rate-limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('should not limit another user when one user is over the limit', async () => {
    const limited = await staff(first, `user-${randomUUID()}`);
    const other = await staff(first, `user-${randomUUID()}`);
    await spendLimit(limited);
    expect((await readGoals(limited)).status).toBe(429);

    const res = await readGoals(other);

    expect(res.status).toBe(200);
    expect(res.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1));
  });

  it('should count per user rather than per token when the same user signs in twice', async () => {
    const sub = `user-${randomUUID()}`;
    const firstSession = await staff(first, sub, 'Handläggare A');
    const secondSession = await staff(first, sub, 'Handläggare B');
    await spendLimit(firstSession);

    const res = await readGoals(secondSession);

    expectProblem(res, 429);
  });

  it('should share the count between replicas when both use the same Redis', async () => {
    const sub = `user-${randomUUID()}`;
    const onFirst = await staff(first, sub);
    const onSecond = await staff(second, sub);
    expect((await readGoals(onFirst)).status).toBe(200);
    expect((await readGoals(onSecond)).status).toBe(200);
    expect((await readGoals(onFirst)).status).toBe(200);

    const res = await readGoals(onSecond);

    expectProblem(res, 429);
  });

  it('should never limit the health checks when they are called more often than the limit', async () => {
    const statuses: number[] = [];

    for (let i = 0; i < LIMIT * 2; i++) statuses.push((await request(first.http).get('/health/live')).status);

    expect(statuses).toEqual(Array(LIMIT * 2).fill(200));
  });
});
