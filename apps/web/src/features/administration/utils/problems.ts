import type { ProblemDetails } from '../../../lib/problem';
import { administrationMessages } from '../messages';

const t = administrationMessages.problems;

/** The messages these screens' API answers with that lib/problem.ts does not know, by field: `[field, pattern, Swedish]`. */
const API_MESSAGES: ReadonlyArray<[string, RegExp, string]> = [
  ['code', /already exists/, t.codeTaken],
  ['code', /must be upper-case letters/, t.codePattern],
  ['name', /already exists/, t.nameTaken],
  ['parentId', /would create a cycle/, t.parentCycle],
  ['scopes', /should not be empty/, t.noScopes],
  ['url', /resolves to a private/, t.privateTarget],
  ['url', /does not resolve/, t.unknownHost],
  ['url', /must be a URL address/, t.notUrl],
  ['secret', /must be longer than or equal to/, t.shortSecret],
];

/** A refusal's field messages in Swedish where these screens know better words; the rest stay for lib/problem.ts. */
export function inSwedish(problem: ProblemDetails): ProblemDetails {
  if (!problem.errors) return problem;
  return {
    ...problem,
    errors: problem.errors.map((error) => {
      const swedish = API_MESSAGES.find(([field, pattern]) => field === error.field && pattern.test(error.message))?.[2];
      return swedish ? { ...error, message: swedish } : error;
    }),
  };
}
