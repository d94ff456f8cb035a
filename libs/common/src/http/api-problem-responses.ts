import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto } from '../problem-details/problem.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: malformed JSON, wrong types, unknown fields (problem details with `errors`)',
  401: 'No identity, or a token or API key that was refused',
  403: "Signed in, but the role (or, for writes, the record's department) does not allow this",
  404: 'No such record',
  409: 'Conflict: a duplicate code, or a state that does not allow this',
  412: 'Stale: the If-Match version is not the current one',
  413: 'Body larger than 1 MB',
  422: 'Well-formed but refused: unknown references, unmet rules, or personal data about a resident',
  428: 'If-Match header missing',
  429: "Too many requests; retry after the `Retry-After` header's seconds",
  500: 'Unexpected failure (problem details with `errorId`, also in the log)',
};

/** The statuses ApiProblems has declared on a handler (or controller) so far. */
const DECLARED = Symbol('samla:api-problems');

/**
 * Documents the problem+json answers an endpoint can give. 400 and 500 apply everywhere. An endpoint is often
 * decorated more than once (`@Requires` declares 401, 403 and 429, the endpoint its own 404 …): each status is
 * declared once, since @nestjs/swagger would otherwise join the repeated descriptions.
 */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor?.value as object | undefined) ?? target;
    const declared = (Reflect.getOwnMetadata(DECLARED, holder) as Set<number> | undefined) ?? new Set<number>();
    for (const status of new Set([400, ...statuses, 500])) {
      if (declared.has(status)) continue;
      declared.add(status);
      const decorate = ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
      });
      if (descriptor) decorate(target, key!, descriptor);
      else (decorate as ClassDecorator)(target as abstract new (...args: never[]) => unknown);
    }
    Reflect.defineMetadata(DECLARED, declared, holder);
  };
}

export { ProblemDetailsDto };
