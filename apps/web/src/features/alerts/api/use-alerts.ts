import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { toAlertQuery, type AlertListSearch } from '../utils/alert-search';

export type Alert = components['schemas']['AlertDto'];

/** The alerts the filters select, at most 200, in the API's order (most severe first, then by due date). */
export function useAlerts(search: AlertListSearch) {
  const query = toAlertQuery(search);
  return useQuery({
    queryKey: ['alerts', query],
    queryFn: ({ signal }) => unwrap(api.GET('/alerts', { params: { query }, signal })),
  });
}

/** The departments the department filter offers, by name. */
export function useDepartments() {
  return useQuery({
    queryKey: ['departments', 'all'],
    queryFn: async ({ signal }) => {
      const page = await unwrap(api.GET('/departments', { params: { query: { limit: 200 } }, signal }));
      return [...page.items].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    },
    staleTime: 5 * 60_000,
  });
}

export type AlertMove = { id: string; move: 'acknowledge' } | { id: string; move: 'dismiss'; reason: string };

/**
 * Acknowledge or dismiss an alert. Whatever the answer, the alerts (and the overview's counts of them) are read again:
 * a refusal for a conflict means someone else changed the alert.
 */
export function useAlertMove() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: AlertMove) =>
      move.move === 'acknowledge'
        ? unwrap(api.POST('/alerts/{id}/acknowledge', { params: { path: { id: move.id } } }))
        : unwrap(
            api.POST('/alerts/{id}/dismiss', { params: { path: { id: move.id } }, body: { reason: move.reason } }),
          ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['alerts'] }),
        queryClient.invalidateQueries({ queryKey: ['portfolio', 'summary'] }),
      ]),
  });
}
