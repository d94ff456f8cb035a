import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { givenDepartment, givenFundingLine, givenInitiative, uniqueCode } from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestApp } from './support/test-app.js';

const SECRET = 'whsec-0123456789abcdef';
const TABLES = ['webhook_subscriptions', 'audit_events'];

type Received = { path: string; headers: IncomingHttpHeaders; body: string; valid: boolean };

/** The receiver's signature check, as docs/integration.md shows it (there as isFromSamla, taking a Buffer too). */
function verify(secret: string, header: string | undefined, rawBody: string): boolean {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '') ?? [];
  if (!t || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(expected, 'hex'));
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Webhooks (receiver on loopback)', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  const received: Received[] = [];
  /** Status codes a path answers with, one per request; the last is repeated. */
  const answers: Record<string, number[]> = {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '';
        received.push({
          path,
          headers: req.headers,
          body,
          valid: verify(SECRET, req.headers['x-samla-signature'] as string, body),
        });
        const queue = answers[path] ?? [200];
        res.writeHead(queue.length > 1 ? queue.shift()! : queue[0]).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await createTestApp({
      withWorker: true,
      env: {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_FAN_OUT_INTERVAL_MS: '100',
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_RETRY_MAX_DELAY_MS: '200',
        WEBHOOK_RETRY_WINDOW_MS: '3000',
        WEBHOOK_PAUSE_AFTER_FAILURES: '3',
        WEBHOOK_TIMEOUT_MS: '2000',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const subscribe = async (path: string, events: string[], extra: object = {}) => {
    const res = await t.admin
      .post(api('/webhook-subscriptions'))
      .send({ url: `${base}${path}`, events, secret: SECRET, ...extra });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const deliveries = async (subscriptionId: string) =>
    (await t.admin.get(api(`/webhook-subscriptions/${subscriptionId}/deliveries`))).body;

  it('should deliver an initiative created through the API once, signed, with its event id', async () => {
    // Arrange
    const subscription = await subscribe('/created', ['initiative.created'], { ownerEmail: 'ekonomi@trollhattan.se' });
    const created = await t.admin.post(api('/initiatives')).send({
      code: uniqueCode('WH'),
      title: 'Webhookinsats',
      kind: 'project',
      leadDepartmentId: (await givenDepartment(t.dataSource)).id,
    });
    expect(created.status).toBe(201);

    // Act
    const page = await until('the delivery', async () => {
      const body = await deliveries(subscription.id);
      return body.items[0]?.status === 'delivered' && body;
    });

    // Assert
    const [event] = await t.dataSource.query(
      `SELECT id, created_at FROM webhook_events WHERE payload #>> '{initiative,id}' = $1`,
      [created.body.id],
    );
    const mine = received.filter((r) => r.path === '/created');
    expect(mine).toHaveLength(1);
    expect(mine[0].valid).toBe(true);
    expect(mine[0].headers['x-samla-event-id']).toBe(event.id);
    expect(JSON.parse(mine[0].body)).toEqual({
      id: event.id,
      type: 'initiative.created',
      occurredAt: event.created_at.toISOString(),
      data: {
        initiative: {
          id: created.body.id,
          code: created.body.code,
          title: 'Webhookinsats',
          kind: 'project',
          status: 'draft',
        },
      },
    });
    expect(page).toEqual({
      items: [
        {
          id: expect.any(String),
          eventId: event.id,
          eventType: 'initiative.created',
          status: 'delivered',
          attempts: 1,
          createdAt: expect.any(String),
          deliveredAt: expect.any(String),
          attemptLog: [
            { attemptedAt: expect.any(String), statusCode: 200, error: null, durationMs: expect.any(Number) },
          ],
        },
      ],
      total: 1,
      limit: 50,
      offset: 0,
    });
    // A later fan-out adds nothing twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.filter((r) => r.path === '/created')).toHaveLength(1);
    const [secretRow] = await t.dataSource.query(`SELECT secret FROM webhook_subscriptions WHERE id = $1`, [
      subscription.id,
    ]);
    expect(secretRow.secret).toBe(SECRET);
    expect((await t.admin.get(api(`/webhook-subscriptions/${subscription.id}`))).body).not.toHaveProperty('secret');
  });

  it('should retry after the receiver answers 500 and log every attempt until it recovers', async () => {
    // Arrange: two failures, then 200.
    answers['/flaky'] = [500, 500, 200];
    const subscription = await subscribe('/flaky', ['initiative.status_changed']);
    const initiative = await givenInitiative(t.dataSource);

    // Act
    await t.dataSource.query(`UPDATE initiatives SET status = 'proposed' WHERE id = $1`, [initiative.id]);
    const page = await until('the delivery after retries', async () => {
      const body = await deliveries(subscription.id);
      return body.items[0]?.status === 'delivered' && body;
    });

    // Assert
    const mine = received.filter((r) => r.path === '/flaky');
    expect(mine).toHaveLength(3);
    expect(mine.every((r) => r.valid)).toBe(true);
    expect(new Set(mine.map((r) => r.headers['x-samla-event-id'])).size).toBe(1);
    expect(JSON.parse(mine[2].body).data).toEqual({
      initiative: { id: initiative.id, code: initiative.code, title: 'Testinsats' },
      from: 'draft',
      to: 'proposed',
    });
    expect(page.items[0].attempts).toBe(3);
    expect(page.items[0].attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
    expect((await t.admin.get(api(`/webhook-subscriptions/${subscription.id}`))).body.consecutiveFailures).toBe(0);
  });

  it('should pause a subscription after 3 failures in a row, tell its owner, and redeliver by hand once resumed', async () => {
    // Arrange
    answers['/down'] = [503];
    const subscription = await subscribe('/down', ['funding.changed'], { ownerEmail: 'mottagare@trollhattan.se' });
    const initiative = await givenInitiative(t.dataSource);
    const line = await givenFundingLine(t.dataSource, initiative.id);

    // Act
    const paused = await until('the pause', async () => {
      const body = (await t.admin.get(api(`/webhook-subscriptions/${subscription.id}`))).body;
      return body.status === 'paused' && body;
    });

    // Assert
    expect(paused.consecutiveFailures).toBe(3);
    const [delivery] = (await deliveries(subscription.id)).items;
    expect(delivery).toEqual(expect.objectContaining({ status: 'failed', attempts: 3 }));
    expect(delivery.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 503, 503]);
    const notices = await t.dataSource.query(`SELECT recipient, subject FROM notifications WHERE notice_key LIKE $1`, [
      `webhook-paused:${subscription.id}:%`,
    ]);
    expect(notices).toEqual([{ recipient: 'mottagare@trollhattan.se', subject: `Webhook pausad: ${base}/down` }]);
    const body = JSON.parse(received.filter((r) => r.path === '/down')[0].body);
    expect(body.type).toBe('funding.changed');
    expect(body.data).toEqual(
      expect.objectContaining({
        change: 'created',
        fundingLine: expect.objectContaining({ id: line.id, initiativeId: initiative.id }),
      }),
    );

    // Act: redelivery waits for a resume; then the receiver is back.
    const refused = await t.admin.post(
      api(`/webhook-subscriptions/${subscription.id}/deliveries/${delivery.id}/redeliver`),
    );
    expectProblem(refused, 409);
    answers['/down'] = [200];
    const resumed = await t.admin
      .patch(api(`/webhook-subscriptions/${subscription.id}`))
      .set('If-Match', `"${paused.version}"`)
      .send({ status: 'active' });
    expect(resumed.body).toEqual(expect.objectContaining({ status: 'active', consecutiveFailures: 0, pausedAt: null }));
    const redelivered = await t.admin.post(
      api(`/webhook-subscriptions/${subscription.id}/deliveries/${delivery.id}/redeliver`),
    );
    expect(redelivered.status).toBe(202);

    // Assert
    const after = await until('the redelivery', async () => {
      const [d] = (await deliveries(subscription.id)).items;
      return d.status === 'delivered' && d;
    });
    expect(after.attempts).toBe(4);
    expect(after.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 503, 503, 200]);
    const downs = received.filter((r) => r.path === '/down');
    expect(downs).toHaveLength(4);
    expect(new Set(downs.map((r) => r.headers['x-samla-event-id'])).size).toBe(1);
    const [audit] = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_type = 'webhook_delivery' AND entity_id = $1`,
      [delivery.id],
    );
    expect(audit).toEqual({ action: 'update' });
  });

  it('should audit subscriptions and never write the secret into the trail', async () => {
    const subscription = await subscribe('/audited', ['alert.raised']);
    await t.admin
      .patch(api(`/webhook-subscriptions/${subscription.id}`))
      .set('If-Match', '"1"')
      .send({ events: ['alert.raised', 'funding.changed'] })
      .expect(200);
    await t.admin.delete(api(`/webhook-subscriptions/${subscription.id}`)).expect(204);
    const events = await t.dataSource.query(
      `SELECT action, changes::text AS changes FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [subscription.id],
    );
    expect(events.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(events.some((e: { changes: string }) => e.changes.includes(SECRET))).toBe(false);
    await t.admin.get(api(`/webhook-subscriptions/${subscription.id}`)).expect(404);
  });

  it('should refuse non-admins with 403 and write nothing', async () => {
    const before = await rowCounts(t.dataSource, TABLES);
    for (const role of ['leadership', 'department_head', 'staff', 'auditor'] as const) {
      const agent = await t.as({ role, sub: `wh-${role}` });
      expectProblem(
        await agent
          .post(api('/webhook-subscriptions'))
          .send({ url: `${base}/x`, events: ['initiative.created'], secret: SECRET }),
        403,
      );
      expectProblem(await agent.get(api('/webhook-subscriptions')), 403);
    }
    expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
  });

  it.each([
    ['no url', { events: ['initiative.created'], secret: SECRET }],
    ['an ftp url', { url: 'ftp://example.se/x', events: ['initiative.created'], secret: SECRET }],
    ['an unknown event', { url: 'https://example.se/x', events: ['initiative.deleted'], secret: SECRET }],
    ['no events', { url: 'https://example.se/x', events: [], secret: SECRET }],
    ['a short secret', { url: 'https://example.se/x', events: ['initiative.created'], secret: 'short' }],
  ])('should answer %s with 400 problem+json and write nothing', async (_name, body) => {
    const before = await rowCounts(t.dataSource, TABLES);
    const res = await t.admin.post(api('/webhook-subscriptions')).send(body);
    expectProblem(res, 400);
    expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
  });
});

describe('Webhooks to private targets, not allowed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' } });
  });
  afterAll(() => t.close());

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://[::1]/hook',
    'http://169.254.169.254/latest',
    'https://10.0.0.8/x',
    'http://[fd00::1]/x',
    'http://localhost:9/x',
  ])('should refuse %s with 422 and write nothing', async (url) => {
    const before = await rowCounts(t.dataSource, TABLES);
    const res = await t.admin
      .post(api('/webhook-subscriptions'))
      .send({ url, events: ['initiative.created'], secret: SECRET });
    expectProblem(res, 422);
    expect(res.body.errors).toEqual([
      { field: 'url', message: expect.stringMatching(/private, loopback or link-local/) },
    ]);
    expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
  });
});
