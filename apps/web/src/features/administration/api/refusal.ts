import { ApiProblemError, unwrap } from '../../../lib/api-client';
import type { ProblemDetails } from '../../../lib/problem';
import { inSwedish, type ApiMessage } from '../utils/problems';

type Options = {
  /** Names the refused fields as the form does, before they are put in Swedish (a list's entry as the entry's field). */
  asForm?: (problem: ProblemDetails) => ProblemDetails;
  /** The screen's own words, before the shared ones (utils/problems.ts). */
  messages?: readonly ApiMessage[];
};

/** `unwrap`, with a refusal's field messages in these screens' Swedish (utils/problems.ts) before a form shows them. */
export async function unwrapInSwedish<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
  { asForm = (p) => p, messages }: Options = {},
): Promise<T> {
  try {
    return await unwrap(call);
  } catch (error) {
    throw error instanceof ApiProblemError ? new ApiProblemError(inSwedish(asForm(error.problem), messages)) : error;
  }
}
