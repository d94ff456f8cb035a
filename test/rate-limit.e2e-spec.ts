import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import type { Test } from 'supertest';
import { DevelopmentIssuer } from '#identity';
import { api, createTestApp, expectProblem, request, type TestAgent, type TestApp } from './support/test-app.js';

const LIMIT = 3;
const AUTH_FAILURE_LIMIT = 3;

/** Sends a request from another loopback address (Linux routes all of 127.0.0.0/8 to lo): another client, as the API sees it. */
const from = (address: string) => {
  const agent = new Agent({ localAddress: address });
  return (req: Test) => req.agent(agent);
};

describe('Rate limiting', () => {
  // Two replicas on the same Redis, with a key prefix of this run's own so parallel test files cannot interfere.
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = {
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      AUTH_FAILURE_LIMIT_PER_MINUTE: String(AUTH_FAILURE_LIMIT),
      RATE_LIMIT_KEY_PREFIX: `samla-test:rate-limit:${randomUUID()}:`,
    };
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

  describe('refused sign-ins', () => {
    const readAs = (t: TestApp, address: string, header: Record<string, string>) =>
      from(address)(request(t.http).get(api('/goals')).set(header));
    const token = (t: TestApp, sub: string, hours?: number) =>
      t.app.get(DevelopmentIssuer).sign({ role: 'staff', sub }, hours);
    const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
    /** A token of the development issuer with one byte of its signature changed. */
    const forged = async (t: TestApp) => {
      const [header, payload, signature] = (await token(t, 'intruder')).split('.');
      const bytes = Buffer.from(signature, 'base64url');
      bytes[5] ^= 0xff;
      return `${header}.${payload}.${bytes.toString('base64url')}`;
    };
    async function spendFailures(t: TestApp, address: string, header: Record<string, string>) {
      for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) expect((await readAs(t, address, header)).status).toBe(401);
    }

    it('should answer 429 with Retry-After, even to a valid token, when an address has had more bad tokens refused than the limit', async () => {
      const bad = bearer(await forged(first));
      await spendFailures(first, '127.0.0.2', bad);

      const refused = await readAs(first, '127.0.0.2', bad);
      const valid = await readAs(first, '127.0.0.2', bearer(await token(first, `user-${randomUUID()}`)));

      for (const res of [refused, valid]) {
        expectProblem(res, 429);
        expect(res.body.type).toBe('/problems/rate-limited');
        expect(res.body.detail).toMatch(/refused sign-ins/);
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
      }
    });

    it('should let a valid token through from another address when one address is over the limit', async () => {
      const bad = bearer(await forged(first));
      await spendFailures(first, '127.0.0.3', bad);
      expect((await readAs(first, '127.0.0.3', bad)).status).toBe(429);

      const res = await readAs(first, '127.0.0.4', bearer(await token(first, `user-${randomUUID()}`)));

      expect(res.status).toBe(200);
    });

    it('should count unknown API keys like bad tokens when an address guesses keys', async () => {
      const unknownKey = { 'X-Api-Key': 'samla_deadbeef_not-a-secret-anyone-was-given' };
      await spendFailures(first, '127.0.0.5', unknownKey);

      const res = await readAs(first, '127.0.0.5', unknownKey);

      expectProblem(res, 429);
    });

    it('should share the count between replicas when both use the same Redis', async () => {
      const bad = bearer(await forged(first));
      expect((await readAs(first, '127.0.0.6', bad)).status).toBe(401);
      expect((await readAs(second, '127.0.0.6', bad)).status).toBe(401);
      expect((await readAs(first, '127.0.0.6', bad)).status).toBe(401);

      const res = await readAs(second, '127.0.0.6', bad);

      expectProblem(res, 429);
    });

    it('should not count a refusal when the token merely expired or no credential was sent', async () => {
      const expired = bearer(await token(first, `user-${randomUUID()}`, -1));
      const statuses: number[] = [];

      for (let i = 0; i < AUTH_FAILURE_LIMIT + 1; i++) {
        statuses.push(
          (await readAs(first, '127.0.0.7', expired)).status,
          (await readAs(first, '127.0.0.7', {})).status,
        );
      }

      expect(statuses).toEqual(Array((AUTH_FAILURE_LIMIT + 1) * 2).fill(401));
    });
  });
});
