import { describe, expect, it } from 'vitest';
import { ApiProblemError, unwrap } from './api-client';

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
