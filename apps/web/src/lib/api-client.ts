import createClient from 'openapi-fetch';
import type { paths } from './api-schema';
import { toProblemDetails, type ProblemDetails } from './problem';

/** The one client for the API, on the same origin as the app (`/api/v1`). Sign-in adds the bearer token later. */
export const api = createClient<paths>({ baseUrl: '/api/v1' });

/** A refused or failed request, with the API's problem details (or ones made from the status). */
export class ApiProblemError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'ApiProblemError';
  }
}

/**
 * The data of a successful call, or an ApiProblemError: for TanStack Query, whose queries and mutations expect a
 * rejected promise. A request that never got an answer becomes status 0.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiProblemError(toProblemDetails(0, undefined));
  }
  if (!result.response.ok) throw new ApiProblemError(toProblemDetails(result.response.status, result.error));
  return result.data as T;
}
