import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { toReadinessQuery, type ReadinessSearch } from '../utils/readiness-search';

/**
 * One page of readiness with the roll-ups; under ['portfolio'] so a coverage decision elsewhere counts it again. While
 * a new filter is read the previous answer stays, so the link or choice that changed it keeps its focus.
 */
export function useReadiness(search: ReadinessSearch) {
  const query = toReadinessQuery(search);
  return useQuery({
    queryKey: ['portfolio', 'readiness', query],
    queryFn: ({ signal }) => unwrap(api.GET('/portfolio/readiness', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export type Choice = { id: string; label: string };

// Reference data changes seldom: fetched once a session, kept for ten minutes.
const REFERENCE = { staleTime: 10 * 60_000 } as const;

/** The administrations (and their units) that can lead an initiative, by name. */
export function useDepartmentChoices() {
  return useQuery({
    queryKey: ['departments', 'administrations'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/departments', { params: { query: { kind: 'administration', limit: 200 } }, signal })),
    select: (page): Choice[] =>
      page.items.map((d) => ({ id: d.id, label: d.name })).sort((a, b) => a.label.localeCompare(b.label, 'sv')),
    ...REFERENCE,
  });
}

/** The priority areas, by code (`FP-1 Samverka …`). */
export function usePriorityAreaChoices() {
  return useQuery({
    queryKey: ['goals', 'priority-areas'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/goals', { params: { query: { level: 'priority_area', limit: 200 } }, signal })),
    select: (page): Choice[] =>
      [...page.items]
        .sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true }))
        .map((goal) => ({ id: goal.id, label: `${goal.code} ${goal.title}` })),
    ...REFERENCE,
  });
}
