import { describe, expect, expectTypeOf, it } from 'vitest';
import { api, ApiProblemError, unwrap } from './api-client';
import type { ProblemDetails } from './problem';

const response = (status: number) => new Response(null, { status });

describe('unwrap', () => {
  it('should give the data when the call succeeded', async () => {
    await expect(unwrap(Promise.resolve({ data: { id: 'a' }, response: response(200) }))).resolves.toEqual({ id: 'a' });
  });

  it('should reject with the API’s problem details when the call was refused', async () => {
    const problem = { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'Code taken.' };

    const error = await unwrap(Promise.resolve({ error: problem, response: response(409) })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblemError);
    expect((error as ApiProblemError).problem).toBe(problem);
  });

  it('should reject with problem details made from the status when the body is not problem+json', async () => {
    const error = await unwrap(Promise.resolve({ error: 'Bad Gateway', response: response(502) })).catch((e: unknown) => e);

    expect((error as ApiProblemError).problem.status).toBe(502);
  });

  it('should reject with status 0 when the request got no answer', async () => {
    const error = await unwrap(Promise.reject(new TypeError('Failed to fetch'))).catch((e: unknown) => e);

    expect((error as ApiProblemError).problem.status).toBe(0);
  });

  it('should pass an abort through untouched, as TanStack Query cancels that way', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');

    await expect(unwrap(Promise.reject(abort))).rejects.toBe(abort);
  });
});

describe('api', () => {
  // Never called: `npm run web:typecheck` (tsc) checks these calls against the API's OpenAPI document, and fails when
  // an @ts-expect-error line compiles, that is when the document stops requiring what the comment says.
  async function calls(id: string) {
    const read = await api.GET('/initiatives/{id}', { params: { path: { id } } });
    expectTypeOf(read.data?.leadDepartmentId).toEqualTypeOf<string | null | undefined>();
    const problem: ProblemDetails | undefined = read.error;
    expectTypeOf(problem?.unmetGuards).toEqualTypeOf<string[] | undefined>();

    await api.PATCH('/initiatives/{id}', { params: { path: { id }, header: { 'If-Match': '"3"' } }, body: { title: 'SSPF' } });
    // @ts-expect-error an update needs If-Match
    await api.PATCH('/initiatives/{id}', { params: { path: { id } }, body: { title: 'SSPF' } });
    // @ts-expect-error `kind` is one of the API's kinds
    await api.PATCH('/initiatives/{id}', { params: { path: { id }, header: { 'If-Match': '"3"' } }, body: { kind: 'projekt' } });
    // @ts-expect-error the API knows no field `titel`
    await api.POST('/initiatives', { body: { code: 'SSPF', titel: 'SSPF', kind: 'method' } });
    // @ts-expect-error nor such a path
    await api.GET('/initiative/{id}', { params: { path: { id } } });
  }

  it('should be typed by the API’s OpenAPI document', () => {
    expect(calls).toBeTypeOf('function');
  });
});
