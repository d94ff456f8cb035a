import { ApiProblemError, unwrap } from '../../../lib/api-client';
import { inSwedish } from '../utils/problems';

/** `unwrap`, with a refusal's field messages in these screens' Swedish (utils/problems.ts) before a form shows them. */
export async function unwrapInSwedish<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  try {
    return await unwrap(call);
  } catch (error) {
    throw error instanceof ApiProblemError ? new ApiProblemError(inSwedish(error.problem)) : error;
  }
}
