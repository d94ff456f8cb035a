import { createHash } from 'node:crypto';
import { api, createTestApp, expectProblem, request, rowCounts, type TestApp } from './support/test-app.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('API keys for machine clients', () => {
  let t: TestApp;
  let seq = 0;

  const withKey = (key: string) => ({
    get: (path: string) => request(t.http).get(api(path)).set('X-Api-Key', key),
    post: (path: string) => request(t.http).post(api(path)).set('X-Api-Key', key),
  });

  async function givenKey(scopes: string[] = ['portfolio:read']): Promise<{ id: string; key: string; prefix: string }> {
    seq += 1;
    const res = await t.admin.post(api('/api-keys')).send({ name: `Budgetsystemet ${seq}`, scopes });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('should answer 201 with the key shown once and store only its hash when an admin creates one', async () => {
    const res = await t.admin
      .post(api('/api-keys'))
      .send({ name: 'Budgetsystemet (Raindance)', scopes: ['portfolio:read'] });

    expect(res.status).toBe(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        name: 'Budgetsystemet (Raindance)',
        scopes: ['portfolio:read'],
        createdBy: 'test-admin',
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    expect(res.body.key).toMatch(new RegExp(`^samla_${res.body.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(res.body.secretHash).toBeUndefined();
    const [row] = await t.dataSource.query(`SELECT * FROM api_keys WHERE id = $1`, [res.body.id]);
    expect(row.secret_hash).toBe(sha256(res.body.key));
    expect(JSON.stringify(row)).not.toContain(res.body.key);
  });

  it('should list keys without the key or its hash when an admin asks', async () => {
    const created = await givenKey();

    const res = await t.admin.get(api('/api-keys?limit=200'));

    expect(res.status).toBe(200);
    const listed = res.body.items.find((k: { id: string }) => k.id === created.id);
    expect(listed).toEqual(expect.objectContaining({ prefix: created.prefix, scopes: ['portfolio:read'] }));
    expect(Object.keys(listed).sort()).toEqual([
      'createdAt',
      'createdBy',
      'id',
      'lastUsedAt',
      'name',
      'prefix',
      'revokedAt',
      'scopes',
    ]);
    const body = JSON.stringify(res.body);
    expect(body).not.toContain(created.key);
    // The secret is what follows `samla_<prefix>_`; it is base64url, so it may itself contain `_`.
    expect(body).not.toContain(created.key.slice(`samla_${created.prefix}_`.length));
    expect(body).not.toContain(sha256(created.key));
  });

  it('should write an audit event without the key or its hash when a key is created', async () => {
    const created = await givenKey();

    const events: { action: string; actor_id: string; changes: object }[] = await t.dataSource.query(
      `SELECT action, actor_id, changes FROM audit_events WHERE entity_type = 'api_key' AND entity_id = $1`,
      [created.id],
    );

    expect(events).toEqual([
      {
        action: 'create',
        actor_id: 'test-admin',
        changes: {
          name: { after: expect.stringMatching(/^Budgetsystemet \d+$/) },
          prefix: { after: created.prefix },
          scopes: { after: ['portfolio:read'] },
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(created.key.split('_').at(-1));
    expect(JSON.stringify(events)).not.toContain(sha256(created.key));
  });

  it('should answer 400 and write nothing when a scope is not one a key may have', async () => {
    const before = await rowCounts(t.dataSource, ['api_keys', 'audit_events']);

    const res = await t.admin
      .post(api('/api-keys'))
      .send({ name: 'Felaktig nyckel', scopes: ['portfolio:read', 'access:manage'] });

    expectProblem(res, 400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'scopes', message: expect.stringContaining('portfolio:read') }),
    ]);
    expect(await rowCounts(t.dataSource, ['api_keys', 'audit_events'])).toEqual(before);
  });

  it('should answer 400 when the body has no scopes or no name', async () => {
    expectProblem(await t.admin.post(api('/api-keys')).send({ name: 'Utan behörighet', scopes: [] }), 400);
    expectProblem(await t.admin.post(api('/api-keys')).send({ scopes: ['portfolio:read'] }), 400);
  });

  it('should answer 409 when the name is taken', async () => {
    await t.admin.post(api('/api-keys')).send({ name: 'Ekonomisystemet', scopes: ['portfolio:read'] });

    const res = await t.admin.post(api('/api-keys')).send({ name: 'Ekonomisystemet', scopes: ['portfolio:read'] });

    expectProblem(res, 409);
  });

  it('should let the key read the portfolio when sent as X-Api-Key', async () => {
    const { key } = await givenKey();

    const res = await withKey(key).get('/initiatives');

    expect(res.status).toBe(200);
  });

  it('should answer 403 and write nothing when the key is used outside its scopes', async () => {
    const { key } = await givenKey();
    const before = await rowCounts(t.dataSource, ['target_groups', 'api_keys', 'audit_events']);

    const write = await withKey(key).post('/target-groups').send({ code: 'UNGA-16-24', name: 'Unga 16–24' });
    const manage = await withKey(key).get('/api-keys');

    expectProblem(write, 403);
    expect(write.body.detail).toContain('reference-data:write');
    expectProblem(manage, 403);
    expect(await rowCounts(t.dataSource, ['target_groups', 'api_keys', 'audit_events'])).toEqual(before);
  });

  it('should record when the key was last used, at most once a minute', async () => {
    const { id, key } = await givenKey();
    const lastUsed = async () =>
      (
        await t.dataSource.query<{ last_used_at: Date | null }[]>(`SELECT last_used_at FROM api_keys WHERE id = $1`, [
          id,
        ])
      )[0].last_used_at;
    expect(await lastUsed()).toBeNull();

    await withKey(key).get('/initiatives');
    const first = await lastUsed();
    await withKey(key).get('/initiatives');
    const second = await lastUsed();
    await t.dataSource.query(`UPDATE api_keys SET last_used_at = now() - interval '61 seconds' WHERE id = $1`, [id]);
    const aged = await lastUsed();
    await withKey(key).get('/initiatives');
    const third = await lastUsed();

    expect(first).toBeInstanceOf(Date);
    expect(second).toEqual(first);
    expect(third!.getTime()).toBeGreaterThan(aged!.getTime());
  });

  it('should answer 401 once the key is revoked, and audit the revocation', async () => {
    const { id, key } = await givenKey();
    expect((await withKey(key).get('/initiatives')).status).toBe(200);

    const revoked = await t.admin.post(api(`/api-keys/${id}/revoke`));
    const refused = await withKey(key).get('/initiatives');

    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expectProblem(refused, 401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer realm="samla"/);
    const events: { action: string; changes: Record<string, { before?: unknown; after?: unknown }> }[] =
      await t.dataSource.query(
        `SELECT action, changes FROM audit_events WHERE entity_type = 'api_key' AND entity_id = $1 ORDER BY id`,
        [id],
      );
    expect(events.map((e) => e.action)).toEqual(['create', 'revoke']);
    expect(events[1].changes).toEqual({ revokedAt: { before: null, after: revoked.body.revokedAt } });
  });

  it('should answer 200 and write no second event when a revoked key is revoked again', async () => {
    const { id } = await givenKey();
    const first = await t.admin.post(api(`/api-keys/${id}/revoke`));

    const again = await t.admin.post(api(`/api-keys/${id}/revoke`));

    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(first.body.revokedAt);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action = 'revoke'`,
      [id],
    );
    expect(count).toBe(1);
  });

  it('should answer 404 when revoking a key that does not exist', async () => {
    expectProblem(await t.admin.post(api('/api-keys/00000000-0000-4000-8000-000000000000/revoke')), 404);
  });

  it('should answer 401 with WWW-Authenticate when the key is unknown, altered or not shaped like a key', async () => {
    const { key } = await givenKey();
    const secret = key.split('_').at(-1)!;
    const altered = key.slice(0, -secret.length) + (secret[0] === 'A' ? 'B' : 'A') + secret.slice(1);

    for (const presented of [altered, `samla_000000000000_${secret}`, 'budget-system-password', '']) {
      const res = await withKey(presented).get('/initiatives');
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="samla"/);
    }
  });

  it('should answer 400 when a request carries both a bearer token and an API key', async () => {
    const { key } = await givenKey();

    const res = await t.admin.get(api('/initiatives')).set('X-Api-Key', key);

    expectProblem(res, 400);
    expect(res.body.type).toBe('/problems/ambiguous-credentials');
  });

  it('should answer 403 and write nothing when anyone but an admin manages keys', async () => {
    const { id } = await givenKey();
    const before = await rowCounts(t.dataSource, ['api_keys', 'audit_events']);
    for (const role of ['leadership', 'auditor'] as const) {
      const agent = await t.as({ role });

      expectProblem(
        await agent.post(api('/api-keys')).send({ name: `Nyckel ${role}`, scopes: ['portfolio:read'] }),
        403,
      );
      expectProblem(await agent.get(api('/api-keys')), 403);
      expectProblem(await agent.post(api(`/api-keys/${id}/revoke`)), 403);
    }
    expect(await rowCounts(t.dataSource, ['api_keys', 'audit_events'])).toEqual(before);
  });

  it('should document X-Api-Key as an alternative to the bearer token in the OpenAPI document', async () => {
    const doc = (await t.admin.get('/api/docs-json')).body;

    expect(doc.components.securitySchemes['api-key']).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }),
    );
    expect(doc.security).toEqual(expect.arrayContaining([{ bearer: [] }, { 'api-key': [] }]));
  });
});
