import { createTestApp, request, type TestApp } from './support/test-app.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>; summary?: string };

/** The endpoints issue 2 promises, as the API contract in DESIGN.md names them. */
const CONTRACT = [
  'get /health/live',
  'get /health/ready',
  'get /api/v1/departments',
  'post /api/v1/departments',
  'get /api/v1/departments/{id}',
  'patch /api/v1/departments/{id}',
  'get /api/v1/target-groups',
  'post /api/v1/target-groups',
  'get /api/v1/districts',
  'post /api/v1/districts',
  'get /api/v1/goals',
  'post /api/v1/goals',
  'get /api/v1/goals/tree',
  'get /api/v1/goals/{id}',
  'patch /api/v1/goals/{id}',
  'get /api/v1/initiatives',
  'post /api/v1/initiatives',
  'get /api/v1/initiatives/{id}',
  'patch /api/v1/initiatives/{id}',
  'delete /api/v1/initiatives/{id}',
  'post /api/v1/initiatives/{id}/transitions',
  'get /api/v1/initiatives/{id}/history',
  'get /api/v1/initiatives/{id}/funding',
  'post /api/v1/initiatives/{id}/funding',
  'get /api/v1/funding/{id}',
  'patch /api/v1/funding/{id}',
  'delete /api/v1/funding/{id}',
  'get /api/v1/alerts',
  'get /api/v1/alerts/{id}',
  'post /api/v1/alerts/{id}/acknowledge',
  'post /api/v1/alerts/{id}/dismiss',
  'put /api/v1/funding/{id}/coverage-decision',
  'get /api/v1/portfolio/funding-cliff',
  'get /api/v1/portfolio/summary',
  'get /api/v1/portfolio/readiness',
  'get /api/v1/portfolio/overlaps',
  'put /api/v1/portfolio/overlaps/{initiativeId}/{otherInitiativeId}/review',
  'get /api/v1/portfolio/export',
  'get /api/v1/portfolio/review-pack',
  'get /api/v1/portfolio-reviews',
  'post /api/v1/portfolio-reviews',
  'get /api/v1/portfolio-reviews/{id}',
  'post /api/v1/portfolio-reviews/{id}/decisions',
  'get /api/v1/initiatives/{id}/decisions',
  'post /api/v1/jobs/{name}/runs',
  'get /api/v1/jobs/runs/{id}',
  'get /api/v1/audit-events',
  'get /api/v1/users',
  'get /api/v1/users/{subject}',
  'put /api/v1/users/{subject}',
  'get /api/v1/api-keys',
  'post /api/v1/api-keys',
  'post /api/v1/api-keys/{id}/revoke',
  'get /api/v1/initiatives/{id}/effect-logic',
  'get /api/v1/goals/{id}/effect-logic',
  'post /api/v1/effect-nodes',
  'patch /api/v1/effect-nodes/{id}',
  'delete /api/v1/effect-nodes/{id}',
  'post /api/v1/effect-links',
  'delete /api/v1/effect-links/{id}',
  'get /api/v1/indicators',
  'post /api/v1/indicators',
  'post /api/v1/effect-nodes/{id}/indicators',
  'get /api/v1/indicators/{id}/measurements',
  'post /api/v1/indicators/{id}/measurements',
  'post /api/v1/indicators/{id}/measurements/import',
  'get /api/v1/indicators/{id}/targets',
  'post /api/v1/indicators/{id}/targets',
  'get /api/v1/indicators/{id}/series',
  'get /api/v1/reporting-rounds',
  'post /api/v1/reporting-rounds',
  'get /api/v1/reporting-rounds/{id}/completion',
  'get /api/v1/status-reports',
  'get /api/v1/status-reports/{id}',
  'patch /api/v1/status-reports/{id}',
  'post /api/v1/status-reports/{id}/submit',
  'post /api/v1/status-reports/{id}/approve',
  'post /api/v1/status-reports/{id}/return',
  'get /api/v1/integrations/budget/dimensions',
  'put /api/v1/integrations/budget/dimensions',
  'get /api/v1/integrations/budget/dimensions/{code}/codes',
  'put /api/v1/integrations/budget/dimensions/{code}/codes',
  'put /api/v1/integrations/budget/lines',
  'get /api/v1/initiatives/{id}/finance',
  'get /api/v1/integrations/budget/initiatives',
  'post /api/v1/webhook-subscriptions',
  'get /api/v1/webhook-subscriptions',
  'get /api/v1/webhook-subscriptions/{id}',
  'patch /api/v1/webhook-subscriptions/{id}',
  'delete /api/v1/webhook-subscriptions/{id}',
  'get /api/v1/webhook-subscriptions/{id}/deliveries',
  'post /api/v1/webhook-subscriptions/{id}/deliveries/{deliveryId}/redeliver',
  'get /api/v1/me',
  'get /api/v1/web-config',
];

/** Answers an endpoint cannot give: any signed-in caller may ask /me (no permission, no 403); nobody need sign in for web-config. */
const CANNOT_ANSWER: Record<string, string[]> = { 'get /api/v1/me': ['403'], 'get /api/v1/web-config': ['401', '403'] };

describe('OpenAPI document', () => {
  let t: TestApp;
  let operations: Map<string, Operation>;

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.admin.get('/api/docs-json');
    const paths = res.body.paths as Record<string, Record<string, Operation>>;
    operations = new Map(Object.entries(paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => [`${method} ${path}`, op] as const)));
  });

  afterAll(() => t.close());

  it('should describe exactly the endpoints of the contract', () => {
    expect([...operations.keys()].sort()).toEqual([...CONTRACT].sort());
  });

  it.each(CONTRACT.filter((op) => op.includes('/api/v1/')))('should give %s a summary, a success response and problem+json errors', (key) => {
    const op = operations.get(key)!;
    const statuses = Object.keys(op.responses);

    expect(op.summary).toEqual(expect.any(String));
    expect(statuses.some((s) => s.startsWith('2'))).toBe(true);
    for (const status of statuses.filter((s) => /^[45]/.test(s))) {
      expect(op.responses[status].content?.['application/problem+json']?.schema?.$ref).toBe('#/components/schemas/ProblemDetailsDto');
    }
    expect(statuses).toEqual(expect.arrayContaining(['400', '401', '403', '429', '500'].filter((status) => !CANNOT_ANSWER[key]?.includes(status))));
    for (const status of CANNOT_ANSWER[key] ?? []) expect(statuses).not.toContain(status);
    if (key.startsWith('patch')) expect(statuses).toEqual(expect.arrayContaining(['412', '428']));
    if (key.includes('{id}')) expect(statuses).toContain('404');
  });

  // Issue 7: integrators read the examples; the budget integration's endpoints show a body and an answer each.
  it.each(CONTRACT.filter((op) => /integrations\/budget|\/finance$/.test(op)))('should give %s an example answer and, for a PUT, example bodies', (key) => {
    const op = operations.get(key) as Operation & { requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> } };
    const answer = op.responses['200'].content?.['application/json'] as { example?: unknown } | undefined;

    expect(answer?.example).toEqual(expect.any(Object));
    if (key.startsWith('put')) expect(Object.values(op.requestBody!.content['application/json'].examples ?? {})).toEqual([{ value: expect.any(Object) }]);
  });
});
