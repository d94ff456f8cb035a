import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { isUnderway, type JobName } from '../utils/job-runs';
import { unwrapInSwedish } from './refusal';

export type JobRun = components['schemas']['JobRunDto'];

const JOB_RUNS = ['job-runs'] as const;
/** How often a run still queued or running is asked about again. */
const FOLLOW_MS = 2_000;

export function useJobRuns(page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: [...JOB_RUNS, 'list', page],
    queryFn: ({ signal }) => unwrap(api.GET('/job-runs', { params: { query: page }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One run, followed until the worker has finished it; the history is read again when it has. */
export function useJobRun(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...JOB_RUNS, 'one', id],
    queryFn: async ({ signal }) => {
      const run = await unwrap(api.GET('/job-runs/{id}', { params: { path: { id: id! } }, signal }));
      if (!isUnderway(run)) void queryClient.invalidateQueries({ queryKey: [...JOB_RUNS, 'list'] });
      return run;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && !isUnderway(query.state.data) ? false : FOLLOW_MS),
  });
}

export function useRequestJobRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, asOf }: { name: JobName; asOf: string | null }) =>
      unwrapInSwedish(api.POST('/jobs/{name}/runs', { params: { path: { name } }, body: asOf ? { asOf } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...JOB_RUNS, 'list'] }),
  });
}
