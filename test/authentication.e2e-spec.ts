import { operationsOf, type HttpMethod } from './support/openapi.js';
import { createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

const PUBLIC_PATHS = ['/health/live', '/health/ready', '/api/v1/web-config'];
const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe('authentication', () => {
  let t: TestApp;
  let operations: { method: HttpMethod; path: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    const doc = await request(t.http).get('/api/docs-json');
    operations = operationsOf(doc.body).map(({ method, url }) => ({ method, path: url.replace(/\{id\}/g, SOME_ID) }));
  });

  afterAll(() => t.close());

  it('should answer 401 problem+json on every documented endpoint but health when no token is sent', async () => {
    const guarded = operations.filter((op) => !PUBLIC_PATHS.includes(op.path));
    expect(guarded.length).toBeGreaterThan(20);

    for (const op of guarded) {
      const res = await request(t.http)[op.method](op.path).send({});
      expect({ op, status: res.status }).toEqual({ op, status: 401 });
      expectProblem(res, 401);
    }
  });

  it('should answer 401 when the Authorization header is not a bearer token', async () => {
    const res = await request(t.http).get('/api/v1/initiatives').set('Authorization', 'Basic YWRtaW46YWRtaW4=');

    expectProblem(res, 401);
    expect(res.body.detail).toContain('Bearer');
  });

  it('should answer 403 when a signed-in role lacks the permission', async () => {
    const auditor = await t.as({ role: 'auditor' });

    const res = await auditor.post('/api/v1/target-groups').send({ code: 'UNGA-16-24', name: 'Unga 16–24' });

    expectProblem(res, 403);
    expect(res.body.detail).toContain('reference-data:write');
  });

  it('should let every role read the portfolio when signed in', async () => {
    for (const role of ['admin', 'leadership', 'department_head', 'staff', 'auditor'] as const) {
      const agent = await t.as({ role });
      expect((await agent.get('/api/v1/initiatives')).status).toBe(200);
    }
  });

  // The narrowest columns these claims are written to (or, for the department code, matched against).
  const atLimit = {
    sub: 'u'.repeat(195),
    name: 'Å'.repeat(200),
    email: `${'e'.repeat(243)}@example.se`,
    department: 'D'.repeat(40),
  };
  const overLimit = [
    ['sub', { sub: 'u'.repeat(196) }, 195],
    ['name', { name: 'Å'.repeat(201) }, 200],
    ['email', { email: `${'e'.repeat(244)}@example.se` }, 254],
    ['department', { department: 'D'.repeat(41) }, 40],
  ] as const;

  it.each(overLimit)(
    'should answer 401 naming the claim, not 500 on the first write, when the %s claim is longer than Samla keeps',
    async (claim, claims, limit) => {
      const agent = await t.as({ role: 'admin', ...claims });

      const res = await agent.post('/api/v1/target-groups').send({ code: 'LANG-CLAIM', name: 'Unga 16–24' });

      expectProblem(res, 401);
      expect(res.body.detail).toContain(`"${claim}"`);
      expect(res.body.detail).toContain(`${limit} characters`);
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    },
  );

  it('should let a person write when every claim is as long as Samla keeps', async () => {
    const agent = await t.as({ role: 'admin', ...atLimit });

    const res = await agent.post('/api/v1/target-groups').send({ code: 'LANGA-CLAIMS', name: 'Unga 16–24' });

    expect(res.status).toBe(201);
    const [event] = await t.dataSource.query(`SELECT actor_id, actor_name FROM audit_events WHERE entity_id = $1`, [
      res.body.id,
    ]);
    expect(event).toEqual({ actor_id: atLimit.sub, actor_name: atLimit.name });
  });

  it.each([
    ['a NUL character', 'Förvaltningschef\u0000ASF'],
    ['a lone surrogate', 'Förvaltningschef \ud800'],
  ])('should answer 401, not 500 on the first write, when the name claim holds %s', async (_, name) => {
    const agent = await t.as({ role: 'admin', name });

    const res = await agent.post('/api/v1/target-groups').send({ code: 'TRASIGT-NAMN', name: 'Unga 16–24' });

    expectProblem(res, 401);
    expect(res.body.detail).toContain('"name"');
  });

  it('should serve the development issuer’s public keys without a token while no provider is configured', async () => {
    const res = await request(t.http).get('/api/v1/dev-issuer/jwks.json');

    expect(res.status).toBe(200);
    expect(res.body.keys).toEqual([expect.objectContaining({ kty: 'EC', alg: 'ES256', use: 'sig' })]);
    expect(res.body.keys[0].d).toBeUndefined();
  });
});
