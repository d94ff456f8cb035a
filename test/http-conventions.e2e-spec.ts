import { createTestApp, api, expectProblem, request, type TestApp } from './support/test-app.js';

describe('HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should answer problem+json 404 when the route does not exist', async () => {
    const res = await t.admin.get(api('/no-such-thing'));
    expectProblem(res, 404);
    expect(res.body.instance).toBe('/api/v1/no-such-thing');
  });

  it('should answer problem+json 400 when the body is not valid JSON', async () => {
    const res = await t.admin.post(api('/departments')).set('content-type', 'application/json').send('{"code": "X",');
    expectProblem(res, 400);
    expect(res.body.detail).toMatch(/not valid JSON/);
  });

  it('should answer problem+json 413 when the body is larger than 1 MB', async () => {
    const res = await t.admin
      .post(api('/departments'))
      .set('content-type', 'application/json')
      .send(JSON.stringify({ code: 'BIG', name: 'x'.repeat(1_100_000), kind: 'external' }));
    expectProblem(res, 413);
  });

  it('should refuse unknown fields with a list of every bad field', async () => {
    const res = await t.admin.post(api('/departments')).send({ code: 'ok', name: '', kind: 'nope', colour: 'red' });
    expectProblem(res, 400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['code', 'colour', 'kind', 'name']));
  });

  it('should set security headers and a request id on every response', async () => {
    const res = await t.admin.get(api('/departments'));
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should keep a sane caller-supplied request id', async () => {
    const res = await t.admin.get(api('/departments')).set('x-request-id', 'budget-sync-42');
    expect(res.headers['x-request-id']).toBe('budget-sync-42');
  });

  it('should serve the OpenAPI document and UI', async () => {
    const json = await t.admin.get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.paths['/api/v1/departments']).toBeDefined();
    const ui = await t.admin.get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('should answer liveness and readiness outside /api/v1', async () => {
    expect((await t.admin.get('/health/live')).status).toBe(200);
    const ready = await t.admin.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });
});
