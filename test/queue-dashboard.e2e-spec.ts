import { ConfigService } from '@nestjs/config';
import { api, createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

const DASHBOARD = api('/queues');

describe('the queue dashboard', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** The dashboard's cookie as the browser would send it back: `name=value`. */
  async function openSession(): Promise<{ cookie: string; setCookie: string }> {
    const res = await t.admin.post(api('/queue-dashboard/session'));
    expect(res.status).toBe(204);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0] ?? '';
    return { cookie: setCookie.split(';')[0], setCookie };
  }

  it('should open for an admin with a session cookie kept from scripts, other sites and other paths', async () => {
    const { cookie, setCookie } = await openSession();

    expect(setCookie).toMatch(/^samla_queue_dashboard=[\w-]{43}; /);
    expect(setCookie).toContain('Path=/api/v1/queues');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Max-Age=900');
    const page = await request(t.http).get(`${DASHBOARD}/`).set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    // Its page has inline styles; scripts stay files from this origin.
    expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
  });

  it('should show every queue, with its jobs by state, to the session', async () => {
    const { cookie } = await openSession();

    const res = await request(t.http).get(`${DASHBOARD}/api/queues`).set('Cookie', cookie);

    expect(res.status).toBe(200);
    expect(res.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([
      'notifications',
      'portfolio-scans',
      'webhooks',
    ]);
  });

  it('should refuse the dashboard and its API without a session, or with one that was never opened', async () => {
    for (const path of [`${DASHBOARD}/`, `${DASHBOARD}/api/queues`]) {
      expectProblem(await request(t.http).get(path), 401);
      expectProblem(
        await request(t.http)
          .get(path)
          .set('Cookie', `samla_queue_dashboard=${'x'.repeat(43)}`),
        401,
      );
    }
    // A bearer token alone does not open it either: the session is what the browser carries. (A fresh agent: t.admin
    // keeps the cookies the other tests were given.)
    expectProblem(
      await (await t.as({ role: 'admin', sub: 'test-admin-without-session' })).get(`${DASHBOARD}/api/queues`),
      401,
    );
  });

  it('should open sessions for admins only', async () => {
    for (const claims of [
      { role: 'leadership' as const, sub: 'test-leadership' },
      { role: 'department_head' as const, sub: 'test-head', departmentCode: 'ASF' },
      { role: 'auditor' as const, sub: 'test-auditor' },
    ]) {
      const res = await (await t.as(claims)).post(api('/queue-dashboard/session'));
      expectProblem(res, 403);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expectProblem(await request(t.http).post(api('/queue-dashboard/session')), 401);
  });

  it('should refuse a session that another deployment sharing the Redis opened', async () => {
    const { cookie } = await openSession();
    const before = process.env.QUEUE_PREFIX;
    // Another municipality's Samla: its own database and queue prefix, the same Redis.
    const other = await createTestApp({
      env: { QUEUE_PREFIX: `${t.app.get(ConfigService).get('QUEUE_PREFIX')}-other` },
    });
    try {
      expectProblem(await request(other.http).get(`${DASHBOARD}/api/queues`).set('Cookie', cookie), 401);
      expect((await request(t.http).get(`${DASHBOARD}/api/queues`).set('Cookie', cookie)).status).toBe(200);
    } finally {
      await other.close();
      if (before === undefined) delete process.env.QUEUE_PREFIX;
      else process.env.QUEUE_PREFIX = before;
    }
  });
});
