import { givenDepartment } from './support/factories.js';
import { givenIndicator } from './support/indicator-factories.js';
import { createTestApp, api, expectProblem, request, type TestApp } from './support/test-app.js';

/** A JSON body whose `name` is `levels - 1` arrays inside one another, inside the body's object: `levels` deep in all. */
const nestedBody = (levels: number) =>
  `{"code":"DJUP","name":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)},"kind":"administration"}`;

/** `text` with the bytes C3 28 FF FE (an unfinished two-byte sequence, then bytes UTF-8 never uses) in place of `@`. */
const withMalformedUtf8 = (text: string) => {
  const [before, after] = text.split('@');
  return Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(after)]);
};

/** Sends the bytes as they are: superagent would turn a Buffer into JSON ({"type":"Buffer","data":[…]}). */
const sendBytes = (req: request.Test, body: Buffer) => req.serialize(() => body as unknown as string).send(body);

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

  it.each([
    // GET / and the web app's other pages answer its index.html (test/web-app.e2e-spec.ts).
    ['post', '/'],
    ['get', '/favicon.ico'],
    ['post', '/api/v2/initiatives'],
    ['delete', '/health'],
  ] as const)(
    'should answer problem+json 404, not an HTML page, when %s %s is outside every route',
    async (method, path) => {
      const res = await request(t.http)[method](path);

      expectProblem(res, 404);
      expect(res.body).toMatchObject({ instance: path, detail: `No route: ${method.toUpperCase()} ${path}.` });
    },
  );

  it('should leave an identity number out of the answer when an unmatched path holds one', async () => {
    const res = await request(t.http).post('/api/v2/users/811218-9876');

    expectProblem(res, 404);
    expect(res.body).toMatchObject({
      instance: '/api/v2/users/[redacted]',
      detail: 'No route: POST /api/v2/users/[redacted].',
    });
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

  it('should answer problem+json 400 naming the limit, not 500, when a body nests arrays 1,500 levels deep', async () => {
    const res = await t.admin.post(api('/departments')).set('content-type', 'application/json').send(nestedBody(1500));

    expectProblem(res, 400);
    expect(res.body.detail).toBe('The request body nests objects and arrays deeper than 32 levels.');
  });

  it('should refuse a body while parsing when it nests 33 levels deep, but leave one 32 levels deep to validation', async () => {
    const tooDeep = await t.admin
      .post(api('/departments'))
      .set('content-type', 'application/json')
      .send(nestedBody(33));
    const deepest = await t.admin
      .post(api('/departments'))
      .set('content-type', 'application/json')
      .send(nestedBody(32));

    expectProblem(tooDeep, 400);
    expect(tooDeep.body.detail).toMatch(/deeper than 32 levels/);
    expectProblem(deepest, 400);
    expect(new Set(deepest.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['name']));
  });

  it('should count only brackets outside strings when it measures how deep a body nests', async () => {
    const res = await t.admin
      .post(api('/departments'))
      .send({ code: 'HAKPARENTESER', name: `Avdelningen ${'[{'.repeat(40)} \\" ${'}]'.repeat(40)}`, kind: 'external' });

    expect(res.status).toBe(201);
  });

  it('should refuse a budget batch with the budget route’s own parser when it nests 1,500 levels deep', async () => {
    const lines = `[{"kind":"actual","period":"2025-01","amountSek":1,"dimensions":{"ansvar":${'['.repeat(1500)}${']'.repeat(1500)}}}]`;

    const res = await t.admin
      .put(api('/integrations/budget/lines'))
      .set('content-type', 'application/json')
      .send(`{"lines":${lines}}`);

    expectProblem(res, 400);
    expect(res.body.detail).toMatch(/deeper than 32 levels/);
  });

  it('should answer 400 and store nothing when a JSON body is not valid UTF-8', async () => {
    const body = withMalformedUtf8(
      '{"code":"TRASIG-TEXT","name":"Avdelningen f@r ny verksamhet","kind":"administration"}',
    );

    const res = await sendBytes(t.admin.post(api('/departments')).set('content-type', 'application/json'), body);

    expectProblem(res, 400);
    expect(res.body.detail).toMatch(/not valid UTF-8/);
    expect(await t.dataSource.query(`SELECT 1 FROM departments WHERE code = 'TRASIG-TEXT'`)).toEqual([]);
  });

  it('should answer 415 when a JSON body declares an encoding other than UTF-8', async () => {
    const body = Buffer.from('{"code":"UTF16","name":"Avdelningen","kind":"administration"}', 'utf16le');

    const res = await sendBytes(
      t.admin.post(api('/departments')).set('content-type', 'application/json; charset=utf-16le'),
      body,
    );

    expectProblem(res, 415);
    expect(res.body.detail).toMatch(/UTF-8/);
  });

  it('should answer 400 and import nothing when a CSV body is not valid UTF-8', async () => {
    const department = await givenDepartment(t.dataSource);
    const indicator = await givenIndicator(t.dataSource, department.id);
    const csv = withMalformedUtf8(
      'period,cell,kind,value,numerator,denominator,persons\n2024,all,measurement,62,,,\n2025,all@,measurement,63,,,',
    );

    const res = await sendBytes(
      t.admin.post(api(`/indicators/${indicator.id}/measurements/import`)).set('content-type', 'text/csv'),
      csv,
    );

    expectProblem(res, 400);
    expect(res.body.detail).toMatch(/not valid UTF-8/);
    expect(await t.dataSource.query(`SELECT 1 FROM indicator_values WHERE indicator_id = $1`, [indicator.id])).toEqual(
      [],
    );
  });

  it('should answer 400 naming the body when a CSV body holds a NUL character', async () => {
    const department = await givenDepartment(t.dataSource);
    const indicator = await givenIndicator(t.dataSource, department.id);
    const csv = 'period,cell,kind,value,numerator,denominator,persons\n2024,all,measurement,62,,,\u0000';

    const res = await t.admin
      .post(api(`/indicators/${indicator.id}/measurements/import`))
      .set('content-type', 'text/csv')
      .send(csv);

    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ field: 'body', message: expect.stringContaining('NUL') }]);
  });

  it('should read a CSV body in the encoding it declares when that is not UTF-8', async () => {
    const department = await givenDepartment(t.dataSource);
    const indicator = await givenIndicator(t.dataSource, department.id);
    const csv = Buffer.from(
      'period,cell,kind,value,numerator,denominator,persons\n2024,all,measurement,62,,,',
      'latin1',
    );

    const res = await sendBytes(
      t.admin
        .post(api(`/indicators/${indicator.id}/measurements/import`))
        .set('content-type', 'text/csv; charset=iso-8859-1'),
      csv,
    );

    expect(res.status).toBe(201);
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

  it('should answer a list without ETag and one resource with its version as ETag', async () => {
    const department = await givenDepartment(t.dataSource);

    const list = await t.admin.get(api('/departments'));
    const one = await t.admin.get(api(`/departments/${department.id}`));

    expect(list.status).toBe(200);
    expect(list.headers.etag).toBeUndefined();
    expect(one.headers.etag).toBe('"1"');
  });

  it('should give a JSON answer its length in bytes and UTF-8 as its charset when it holds Swedish text', async () => {
    const department = await givenDepartment(t.dataSource, { name: 'Förvaltningen för kultur och fritid – Ålö' });

    const res = await t.admin.get(api(`/departments/${department.id}`));
    const list = await t.admin.get(api('/departments?limit=200'));

    for (const answer of [res, list]) {
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.text));
      expect(answer.text).toContain('– Ålö');
    }
  });

  it('should answer 304 without a body when If-None-Match names the version a single resource has', async () => {
    const department = await givenDepartment(t.dataSource);

    const res = await t.admin.get(api(`/departments/${department.id}`)).set('If-None-Match', '"1"');

    expect(res.status).toBe(304);
    expect(res.text).toBeFalsy();
  });

  it('should keep a sane caller-supplied request id', async () => {
    const res = await t.admin.get(api('/departments')).set('x-request-id', 'budget-sync-42');
    expect(res.headers['x-request-id']).toBe('budget-sync-42');
  });

  it('should serve the OpenAPI document and UI', async () => {
    const json = await t.admin.get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.paths['/departments']).toBeDefined();
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
