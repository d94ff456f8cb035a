import { readFileSync } from 'node:fs';
import { OPENAPI_FILE, OPENAPI_TYPES_FILE, serializeOpenApiDocument } from '../apps/api/src/openapi-document.js';
import { generateApiTypes } from '../apps/api/src/openapi-types.js';
import { operationsOf, type OpenApiDocument, type OpenApiOperation } from './support/openapi.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const REGENERATE = `Run \`npm run openapi:write\` and commit ${OPENAPI_FILE} and ${OPENAPI_TYPES_FILE}.`;
const fromRoot = (file: string) => new URL(`../${file}`, import.meta.url);

/**
 * The endpoints issue 2 promises, as the API contract in DESIGN.md names them, relative to the document's server
 * (`/api/v1`); the health checks live outside it.
 */
const CONTRACT = [
  'get /health/live',
  'get /health/ready',
  'get /departments',
  'post /departments',
  'get /departments/{id}',
  'patch /departments/{id}',
  'get /target-groups',
  'post /target-groups',
  'get /districts',
  'post /districts',
  'get /goals',
  'post /goals',
  'get /goals/tree',
  'get /goals/{id}',
  'patch /goals/{id}',
  'get /initiatives',
  'post /initiative-imports',
  'post /initiatives',
  'get /initiatives/{id}',
  'patch /initiatives/{id}',
  'delete /initiatives/{id}',
  'post /initiatives/{id}/transitions',
  'get /initiatives/{id}/transitions',
  'get /initiatives/{id}/history',
  'get /initiatives/{id}/funding',
  'post /initiatives/{id}/funding',
  'get /funding/{id}',
  'patch /funding/{id}',
  'delete /funding/{id}',
  'get /alerts',
  'get /alerts/{id}',
  'post /alerts/{id}/acknowledge',
  'post /alerts/{id}/dismiss',
  'put /funding/{id}/coverage-decision',
  'get /portfolio/funding-cliff',
  'get /portfolio/funding-cliff/totals',
  'get /portfolio/funding-cliff/months/{month}/initiatives',
  'get /portfolio/funding-cliff/earlier/initiatives',
  'get /portfolio/goal-tree',
  'get /portfolio/summary',
  'get /portfolio/readiness',
  'get /portfolio/overlaps',
  'put /portfolio/overlaps/{initiativeId}/{otherInitiativeId}/review',
  'get /portfolio/export',
  'get /portfolio/review-pack',
  'get /portfolio-reviews',
  'post /portfolio-reviews',
  'get /portfolio-reviews/{id}',
  'get /portfolio-reviews/{id}/agenda',
  'post /portfolio-reviews/{id}/decisions',
  'post /queue-dashboard/session',
  'get /initiatives/{id}/decisions',
  'post /jobs/{name}/runs',
  'get /job-runs',
  'get /job-runs/{id}',
  'get /audit-events',
  'get /users',
  'get /users/{subject}',
  'put /users/{subject}',
  'get /api-keys',
  'post /api-keys',
  'post /api-keys/{id}/revoke',
  'get /initiatives/{id}/effect-logic',
  'get /goals/{id}/effect-logic',
  'post /effect-nodes',
  'patch /effect-nodes/{id}',
  'delete /effect-nodes/{id}',
  'post /effect-links',
  'delete /effect-links/{id}',
  'get /indicators',
  'get /indicators/overview',
  'post /indicators',
  'post /effect-nodes/{id}/indicators',
  'get /indicators/{id}/measurements',
  'post /indicators/{id}/measurements',
  'post /indicators/{id}/measurements/import',
  'get /indicators/{id}/targets',
  'post /indicators/{id}/targets',
  'get /indicators/{id}/series',
  'get /reporting-rounds',
  'post /reporting-rounds',
  'get /reporting-rounds/{id}/completion',
  'get /status-reports',
  'get /status-reports/{id}',
  'patch /status-reports/{id}',
  'post /status-reports/{id}/submit',
  'post /status-reports/{id}/approve',
  'post /status-reports/{id}/return',
  'get /integrations/budget/dimensions',
  'put /integrations/budget/dimensions',
  'get /integrations/budget/dimensions/{code}/codes',
  'put /integrations/budget/dimensions/{code}/codes',
  'put /integrations/budget/lines',
  'get /initiatives/{id}/finance',
  'get /integrations/budget/initiatives',
  'post /webhook-subscriptions',
  'get /webhook-subscriptions',
  'get /webhook-subscriptions/{id}',
  'patch /webhook-subscriptions/{id}',
  'delete /webhook-subscriptions/{id}',
  'get /webhook-subscriptions/{id}/deliveries',
  'post /webhook-subscriptions/{id}/deliveries/{deliveryId}/redeliver',
  'get /me',
  'get /web-config',
];

/** Answers an endpoint cannot give: any signed-in caller may ask /me (no permission, no 403); nobody need sign in for web-config. */
const CANNOT_ANSWER: Record<string, string[]> = { 'get /me': ['403'], 'get /web-config': ['401', '403'] };

describe('OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let operations: Map<string, OpenApiOperation>;

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.admin.get('/api/docs-json')).body;
    operations = new Map(operationsOf(document).map(({ key, operation }) => [key, operation]));
  });

  afterAll(() => t.close());

  it('should describe exactly the endpoints of the contract', () => {
    expect([...operations.keys()].sort()).toEqual([...CONTRACT].sort());
  });

  // Issue 13: the committed document is the API's, so the web app's types (generated from it) are too.
  it(`should be the document committed as ${OPENAPI_FILE}`, () => {
    const committed = readFileSync(fromRoot(OPENAPI_FILE), 'utf8');

    if (serializeOpenApiDocument(document as never) !== committed) {
      const where = differences(JSON.parse(committed), document);
      throw new Error(
        `${OPENAPI_FILE} is not the document the API serves (${where.length > 0 ? `it differs at ${where.join(', ')}` : 'same content in another order or layout'}). ${REGENERATE}`,
      );
    }
  });

  it('should write paths relative to the one server, /api/v1, and give the health checks their own', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    for (const [path, item] of Object.entries(document.paths)) {
      expect({ path, servers: item.servers }).toEqual({
        path,
        servers: path.startsWith('/health/') ? [{ url: '/' }] : undefined,
      });
    }
  });

  it.each(CONTRACT.filter((op) => !op.includes(' /health/')))(
    'should give %s a summary, a success response and problem+json errors',
    (key) => {
      const op = operations.get(key)!;
      const statuses = Object.keys(op.responses);

      expect(op.summary).toEqual(expect.any(String));
      expect(statuses.some((s) => s.startsWith('2'))).toBe(true);
      for (const status of statuses.filter((s) => /^[45]/.test(s))) {
        expect(op.responses[status].content?.['application/problem+json']?.schema?.$ref).toBe(
          '#/components/schemas/ProblemDetailsDto',
        );
      }
      expect(statuses).toEqual(
        expect.arrayContaining(
          ['400', '401', '403', '429', '500'].filter((status) => !CANNOT_ANSWER[key]?.includes(status)),
        ),
      );
      for (const status of CANNOT_ANSWER[key] ?? []) expect(statuses).not.toContain(status);
      if (key.startsWith('patch')) expect(statuses).toEqual(expect.arrayContaining(['412', '428']));
      if (key.includes('{id}')) expect(statuses).toContain('404');
    },
  );

  it.each(CONTRACT.filter((op) => op.includes(' /health/')))(
    'should give %s its refusal and 503 as problem+json',
    (key) => {
      const op = operations.get(key)!;

      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '422', '503']));
      for (const status of ['422', '503'])
        expect(Object.keys(op.responses[status].content ?? {})).toEqual(['application/problem+json']);
    },
  );

  it('should say each answer of an operation once', () => {
    const repeated = [...operations].flatMap(([key, op]) =>
      Object.entries(op.responses).flatMap(([status, { description = '' }]) => {
        const paragraphs = description.split('\n\n');
        return new Set(paragraphs).size < paragraphs.length ? [`${key} ${status}`] : [];
      }),
    );

    expect(repeated).toEqual([]);
  });

  // `string | null` reaches @nestjs/swagger as Object: without `type: String` the field would be typed as an object.
  it('should type every schema: no object without properties unless it says what its values are', () => {
    expect(untypedObjects(document)).toEqual([]);
  });

  // Issue 7: integrators read the examples; the budget integration's endpoints show a body and an answer each.
  it.each(CONTRACT.filter((op) => /integrations\/budget|\/finance$/.test(op)))(
    'should give %s an example answer and, for a PUT, example bodies',
    (key) => {
      const op = operations.get(key)!;
      const answer = op.responses['200'].content?.['application/json'];

      expect(answer?.example).toEqual(expect.any(Object));
      if (key.startsWith('put'))
        expect(Object.values(op.requestBody!.content['application/json'].examples ?? {})).toEqual([
          { value: expect.any(Object) },
        ]);
    },
  );
});

describe(`the web app's types (${OPENAPI_TYPES_FILE})`, () => {
  it(`should be what openapi-typescript generates from ${OPENAPI_FILE}`, async () => {
    const generated = await generateApiTypes(fromRoot(OPENAPI_FILE));

    if (generated !== readFileSync(fromRoot(OPENAPI_TYPES_FILE), 'utf8')) {
      throw new Error(
        `${OPENAPI_TYPES_FILE} is not what openapi-typescript generates from ${OPENAPI_FILE}. ${REGENERATE}`,
      );
    }
  });
});

/** JSON pointers where two documents differ (the first ten), so a failure says where to look. */
function differences(committed: unknown, served: unknown, pointer = '', found: string[] = []): string[] {
  if (found.length >= 10) return found;
  const bothContainers =
    typeof committed === 'object' &&
    committed !== null &&
    typeof served === 'object' &&
    served !== null &&
    Array.isArray(committed) === Array.isArray(served);
  if (!bothContainers) {
    if (JSON.stringify(committed) !== JSON.stringify(served)) found.push(pointer || '/');
    return found;
  }
  for (const key of new Set([...Object.keys(committed), ...Object.keys(served)])) {
    differences(
      (committed as Record<string, unknown>)[key],
      (served as Record<string, unknown>)[key],
      `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      found,
    );
  }
  return found;
}

/** Where a schema is `type: object` with neither properties nor a schema for its values, outside examples. */
function untypedObjects(node: unknown, pointer = '#'): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const schema = node as Record<string, unknown>;
  const isObject = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
  const described = ['properties', 'additionalProperties', 'patternProperties', 'allOf', 'anyOf', 'oneOf', '$ref'].some(
    (key) => key in schema,
  );
  const here = isObject && !described ? [pointer] : [];
  return here.concat(
    Object.entries(schema)
      .filter(([key]) => key !== 'example' && key !== 'examples')
      .flatMap(([key, value]) => untypedObjects(value, `${pointer}/${key}`)),
  );
}
