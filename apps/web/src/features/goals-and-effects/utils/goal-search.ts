import type { InitiativeStatusKey } from '../../../lib/messages';

/** Which initiatives the figures count: every one (as Portföljen i korthet), or only those proposed, approved or under way. */
export type GoalSearch = { scope?: 'open' };

export const OPEN_STATUSES: readonly InitiativeStatusKey[] = ['proposed', 'approved', 'active'];

/** For TanStack Router's `validateSearch`: keeps the one choice the page offers and drops anything else. */
export function parseGoalSearch(raw: Record<string, unknown>): GoalSearch {
  return raw.scope === 'open' ? { scope: 'open' } : {};
}

/** The statuses the API and Insatser are asked for: none means every initiative. */
export function statusesOf(search: GoalSearch): InitiativeStatusKey[] | undefined {
  return search.scope === 'open' ? [...OPEN_STATUSES] : undefined;
}
