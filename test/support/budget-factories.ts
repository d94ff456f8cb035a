import { api, request, type TestApp } from './test-app.js';

let keys = 0;

/** An API key with the given scopes, created by the admin; returns the secret to send as X-Api-Key. */
export async function givenApiKey(t: TestApp, scopes: string[]): Promise<string> {
  keys += 1;
  const res = await t.admin.post(api('/api-keys')).send({ name: `Budgetsystemet ${keys}`, scopes });
  if (res.status !== 201) throw new Error(`API key not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.key;
}

/** PUT /integrations/budget/lines with an API key (or none) and an Idempotency-Key. */
export function putBudgetLines(t: TestApp, apiKey: string | null, idempotencyKey: string | null, body: unknown) {
  const req = request(t.http).put(api('/integrations/budget/lines'));
  if (apiKey) req.set('X-Api-Key', apiKey);
  if (idempotencyKey) req.set('Idempotency-Key', idempotencyKey);
  return req.send(body as object);
}

export type LineInput = { kind?: string; period?: string; amountSek?: unknown; dimensions?: Record<string, unknown> };

export const budgetLine = (overrides: LineInput = {}) => ({
  kind: 'actual',
  period: '2025-01',
  amountSek: 1000,
  dimensions: { ansvar: '1100', verksamhet: '4120' },
  ...overrides,
});
