import { givenDepartment, givenInitiative, uniqueCode } from './support/factories.js';
import { operationsOf } from './support/openapi.js';
import { api, createTestApp, type TestAgent, type TestApp } from './support/test-app.js';

/**
 * Creates whose resource has no GET URL yet: a Location would point at nothing. Each needs a `GET …/{id}` from the
 * context that owns it; then `@Creates(Dto, 'path/:id')` gives it its Location.
 */
const CREATES_WITHOUT_A_GET_URL = [
  'post /target-groups',
  'post /districts',
  'post /api-keys',
  'post /indicators',
  'post /indicators/{id}/measurements',
  'post /indicators/{id}/measurements/import',
  'post /indicators/{id}/targets',
  'post /effect-nodes',
  'post /effect-nodes/{id}/indicators',
  'post /effect-links',
  'post /reporting-rounds',
  'post /portfolio-reviews/{id}/decisions',
];

describe('Location on 201 Created', () => {
  let t: TestApp;
  let leadId: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    leadId = (await givenDepartment(t.dataSource)).id;
  });
  afterAll(() => t.close());

  /** The 201's Location, after proving it reads back exactly what the create answered. */
  async function expectLocationReadsBack(
    created: { status: number; headers: Record<string, string>; body: unknown },
    reader: TestAgent = t.admin,
  ) {
    expect(created.status).toBe(201);
    const read = await reader.get(created.headers.location);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    return created.headers.location;
  }

  it.each<[string, () => Promise<{ path: string; body: object }>, (body: { id: string }) => string]>([
    [
      'POST /initiatives',
      () =>
        Promise.resolve({
          path: '/initiatives',
          body: { code: uniqueCode('LOC'), title: 'Platsinsats', kind: 'project', leadDepartmentId: leadId },
        }),
      ({ id }) => `/initiatives/${id}`,
    ],
    [
      'POST /initiatives/{id}/funding',
      async () => ({
        path: `/initiatives/${(await givenInitiative(t.dataSource, { leadDepartmentId: leadId })).id}/funding`,
        body: {
          sourceType: 'state_grant',
          funder: 'Länsstyrelsen Västra Götaland',
          amountSek: 500_000,
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
        },
      }),
      ({ id }) => `/funding/${id}`,
    ],
    [
      'POST /departments',
      () =>
        Promise.resolve({
          path: '/departments',
          body: { code: uniqueCode('DEP'), name: 'Platsförvaltningen', kind: 'administration' },
        }),
      ({ id }) => `/departments/${id}`,
    ],
    [
      'POST /goals',
      () =>
        Promise.resolve({
          path: '/goals',
          body: {
            code: uniqueCode('G'),
            title: 'Platsmål',
            level: 'priority_area',
            framework: 'Färdplan för social hållbarhet',
          },
        }),
      ({ id }) => `/goals/${id}`,
    ],
    [
      'POST /portfolio-reviews',
      () =>
        Promise.resolve({
          path: '/portfolio-reviews',
          body: { title: 'Portföljgenomgång december 2026', meetingDate: '2026-12-14' },
        }),
      ({ id }) => `/portfolio-reviews/${id}`,
    ],
    [
      'POST /webhook-subscriptions',
      () =>
        Promise.resolve({
          path: '/webhook-subscriptions',
          body: { url: 'http://127.0.0.1:9/samla', events: ['initiative.created'], secret: 'whsec-0123456789abcdef' },
        }),
      ({ id }) => `/webhook-subscriptions/${id}`,
    ],
  ])(
    'should answer with a Location that reads the resource back when %s creates one',
    async (_name, arrange, expectedPath) => {
      const { path, body } = await arrange();

      const created = await t.admin.post(api(path)).send(body);

      expect(await expectLocationReadsBack(created)).toBe(api(expectedPath(created.body)));
    },
  );

  it('should give a Location when PUT /users/{subject} creates the mapping, and none when it replaces it', async () => {
    const subject = `location-${uniqueCode('U').toLowerCase()}`;

    const created = await t.admin.put(api(`/users/${subject}`)).send({ departmentId: leadId, name: 'Handläggare' });
    expect(await expectLocationReadsBack(created)).toBe(api(`/users/${subject}`));
    const replaced = await t.admin
      .put(api(`/users/${subject}`))
      .send({ departmentId: leadId, name: 'Handläggare, ny titel' });

    expect(replaced.status).toBe(200);
    expect(replaced.headers.location).toBeUndefined();
  });

  it('should give no Location when a create is refused', async () => {
    const refused = await t.admin
      .post(api('/initiatives'))
      .send({ code: uniqueCode('LOC'), title: 'Utan ledning', kind: 'project' });

    expect(refused.status).toBe(400);
    expect(refused.headers.location).toBeUndefined();
  });

  it('should document a Location header on every 201 of the API when the created resource has a GET URL', async () => {
    const operations = operationsOf((await t.admin.get('/api/docs-json')).body);
    const creates = operations.flatMap(({ key, operation }) =>
      operation.responses['201'] ? [{ key, headers: operation.responses['201'].headers ?? {} }] : [],
    );

    const withoutLocation = creates.filter((c) => !('Location' in c.headers)).map((c) => c.key);

    expect(creates.length).toBeGreaterThan(CREATES_WITHOUT_A_GET_URL.length);
    expect(withoutLocation.sort()).toEqual([...CREATES_WITHOUT_A_GET_URL].sort());
  });
});
