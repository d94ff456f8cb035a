import type { ProblemDetails } from '../../../lib/problem';
import { administrationMessages } from '../messages';

const t = administrationMessages.problems;

/** An API message a screen knows better words for: `[field, pattern, Swedish]`. */
export type ApiMessage = readonly [string, RegExp, string];

/** The messages these screens' API answers with that lib/problem.ts does not know, by field. */
const API_MESSAGES: readonly ApiMessage[] = [
  ['code', /already exists/, t.codeTaken],
  ['code', /must be upper-case letters/, t.codePattern],
  ['code', /must be lower case letters, digits and _/, t.dimensionCodePattern],
  ['code', /without surrounding blanks/, t.budgetCodePattern],
  ['name', /already exists/, t.nameTaken],
  ['parentId', /would create a cycle/, t.parentCycle],
  ['level', /its level must be below its parent's/, t.levelBelowParent],
  ['level', /must stay above the levels of the goals under it/, t.levelAboveChildren],
  ['position', /each position must be unique/, t.positionTaken],
  ['validTo', /must (be on or after|not be before) validFrom/, t.endBeforeStart],
  ['scopes', /should not be empty/, t.noScopes],
  ['url', /resolves to a private/, t.privateTarget],
  ['url', /does not resolve/, t.unknownHost],
  ['url', /must be a URL address/, t.notUrl],
  ['secret', /must be longer than or equal to/, t.shortSecret],
];

/**
 * A refusal's field messages in Swedish where these screens know better words (a screen's own `first`, then the
 * shared ones); the rest stay for lib/problem.ts.
 */
export function inSwedish(problem: ProblemDetails, first: readonly ApiMessage[] = []): ProblemDetails {
  if (!problem.errors) return problem;
  const known = [...first, ...API_MESSAGES];
  return {
    ...problem,
    errors: problem.errors.map((error) => {
      const swedish = known.find(([field, pattern]) => field === error.field && pattern.test(error.message))?.[2];
      return swedish ? { ...error, message: swedish } : error;
    }),
  };
}
