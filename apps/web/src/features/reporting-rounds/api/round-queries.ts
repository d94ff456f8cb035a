import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';

export type ReportingRound = components['schemas']['ReportingRoundDto'];
export type NewReportingRound = components['schemas']['CreateReportingRoundDto'];

const ROUNDS_KEY = ['reporting-rounds'] as const;

/** The rounds, latest due date first; a municipality holds a few a year, so one page of 200 is all of them. */
export function useRounds() {
  return useQuery({
    queryKey: [...ROUNDS_KEY, 'all'],
    queryFn: ({ signal }) => unwrap(api.GET('/reporting-rounds', { params: { query: { limit: 200 } }, signal })),
  });
}

/**
 * Per lead department: reports in the round, submitted, approved, pending and overdue as of today. Under the status
 * reports' key, so a report submitted, approved or returned in Rapporter is counted here when the page shows again.
 */
export function useCompletion(roundId: string) {
  return useQuery({
    queryKey: ['status-reports', 'round', roundId, 'completion'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/reporting-rounds/{id}/completion', { params: { path: { id: roundId } }, signal })),
  });
}

/** The round's submitted reports, waiting for the leadership group (under the same key as Rapporter's, so a decision there refreshes this). */
export function useSubmittedReports(roundId: string) {
  return useQuery({
    queryKey: ['status-reports', 'round', roundId, 'submitted'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/status-reports', {
          params: { query: { roundId, status: ['submitted'], sort: 'dueDate', limit: 200 } },
          signal,
        }),
      ),
  });
}

/** The departments to scope a round by (the same query as the other screens' department choices). */
export function useDepartmentOptions() {
  return useQuery({
    queryKey: ['departments', 'options'],
    queryFn: ({ signal }) => unwrap(api.GET('/departments', { params: { query: { limit: 200 } }, signal })),
    staleTime: 10 * 60_000,
  });
}

export function useCreateRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (round: NewReportingRound) => unwrap(api.POST('/reporting-rounds', { body: round })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROUNDS_KEY }),
  });
}
