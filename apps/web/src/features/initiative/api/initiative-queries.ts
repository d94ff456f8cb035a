import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';

/** How many history entries a page shows. */
export const HISTORY_PAGE_SIZE = 10;

/** The initiative by its code (`GET /initiatives/SSPF`): the page's first read; the rest need its id. */
export function useInitiative(code: string) {
  return useQuery({
    queryKey: ['initiative', code],
    queryFn: ({ signal }) => unwrap(api.GET('/initiatives/{id}', { params: { path: { id: code } }, signal })),
  });
}

/** The lifecycle moves open now, each with its unmet guards and whether the signed-in person may make it. */
export function useNextMoves(id: string) {
  return useQuery({
    queryKey: ['initiative', id, 'transitions'],
    queryFn: ({ signal }) => unwrap(api.GET('/initiatives/{id}/transitions', { params: { path: { id } }, signal })),
  });
}

/**
 * A lifecycle move (POST /initiatives/{id}/transitions). Whether it went through or was refused, the initiative (read
 * by its code) and everything read by its id — the moves on offer, the history — are read again.
 */
export function useMoveInitiative(id: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ to, comment }: { to: components['schemas']['TransitionDto']['to']; comment: string | null }) =>
      unwrap(api.POST('/initiatives/{id}/transitions', { params: { path: { id } }, body: { to, comment } })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['initiative', code] }),
        queryClient.invalidateQueries({ queryKey: ['initiative', id] }),
      ]),
  });
}

export function useGoalTree() {
  return useQuery({
    queryKey: ['goals', 'tree'],
    queryFn: ({ signal }) => unwrap(api.GET('/goals/tree', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useFunding(id: string) {
  return useQuery({
    queryKey: ['initiative', id, 'funding'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/initiatives/{id}/funding', { params: { path: { id }, query: { limit: 200 } }, signal })),
  });
}

/** Alerts not yet dealt with: open, and acknowledged (seen, but their cause is still there). */
export function useOpenAlerts(id: string) {
  return useQuery({
    queryKey: ['initiative', id, 'alerts'],
    queryFn: async ({ signal }) => {
      const [open, acknowledged] = await Promise.all(
        (['open', 'acknowledged'] as const).map((status) =>
          unwrap(api.GET('/alerts', { params: { query: { initiativeId: id, status, limit: 200 } }, signal })),
        ),
      );
      const severity = { critical: 0, warning: 1, info: 2 } as const;
      return [...open!.items, ...acknowledged!.items].sort((a, b) => severity[a.severity] - severity[b.severity]);
    },
  });
}

/**
 * The latest status report that says something: submitted or approved (a pending or returned one is still being
 * written). It names its reporting round.
 */
export function useLatestStatusReport(id: string) {
  return useQuery({
    queryKey: ['initiative', id, 'status-report'],
    queryFn: async ({ signal }) => {
      const reports = await unwrap(
        api.GET('/status-reports', {
          params: { query: { initiativeId: id, status: ['submitted', 'approved'], limit: 1 } },
          signal,
        }),
      );
      return reports.items[0] ?? null;
    },
  });
}

export function useEffectLogic(id: string) {
  return useQuery({
    queryKey: ['initiative', id, 'effect-logic'],
    queryFn: async ({ signal }) => {
      const graph = await unwrap(
        api.GET('/initiatives/{id}/effect-logic', { params: { path: { id }, query: { format: 'json' } }, signal }),
      );
      // The same path answers Mermaid text for format=mermaid; asked for JSON, anything else is not the graph.
      if (typeof graph === 'string') throw new TypeError('The effect logic came as text, not as a graph');
      return graph;
    },
  });
}

/** The series of each indicator the follow-up plan names. */
export function useIndicatorSeries(indicatorIds: readonly string[]) {
  return useQueries({
    queries: indicatorIds.map((indicatorId) => ({
      queryKey: ['indicator', indicatorId, 'series'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(api.GET('/indicators/{id}/series', { params: { path: { id: indicatorId } }, signal })),
    })),
  });
}

export function useDecisions(id: string) {
  return useQuery({
    queryKey: ['initiative', id, 'decisions'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/initiatives/{id}/decisions', { params: { path: { id }, query: { limit: 200 } }, signal })),
  });
}

/** One page of the initiative's audit trail, newest first; the previous page stays on screen while the next loads. */
export function useHistory(id: string, offset: number) {
  return useQuery({
    queryKey: ['initiative', id, 'history', offset],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/initiatives/{id}/history', {
          params: { path: { id }, query: { limit: HISTORY_PAGE_SIZE, offset } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
