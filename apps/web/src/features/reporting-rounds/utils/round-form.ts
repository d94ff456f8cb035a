import type { NewReportingRound } from '../api/round-queries';

/** The statuses a round asks reports of unless told otherwise: the API's default. */
export const DEFAULT_SCOPE_STATUSES = ['approved', 'active'];

export type RoundFormValues = {
  title: string;
  period: string;
  dueDate: string | null;
  scopeStatuses: string[];
  scopeDepartmentIds: string[];
};

export const EMPTY_ROUND: RoundFormValues = {
  title: '',
  period: '',
  dueDate: null,
  scopeStatuses: DEFAULT_SCOPE_STATUSES,
  scopeDepartmentIds: [],
};

/** The form as the API's body: no department chosen means every department (`null`), and the API judges the rest. */
export function toNewRound(values: RoundFormValues): NewReportingRound {
  return {
    title: values.title.trim(),
    period: values.period.trim(),
    dueDate: values.dueDate ?? '',
    scopeStatuses: values.scopeStatuses as NewReportingRound['scopeStatuses'],
    scopeDepartmentIds: values.scopeDepartmentIds.length > 0 ? values.scopeDepartmentIds : null,
  };
}

/** `/omgangar?round=<id>`: the round shown under the list, if any. */
export type RoundSearch = { round?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseRoundSearch(raw: Record<string, unknown>): RoundSearch {
  return { round: typeof raw.round === 'string' && UUID.test(raw.round) ? raw.round : undefined };
}
