import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { monthsThroughYearAfterNext } from '../utils/cliff-departments';
import { toLine } from '../utils/funding-form';

/**
 * The cliff from `from` (YYYY-MM) through the year after next; its key is under ['portfolio'] like the overview's, so
 * useRefreshCliff refreshes both.
 */
export function useFundingCliffPage(from: string) {
  const months = monthsThroughYearAfterNext(from);
  return useQuery({
    queryKey: ['portfolio', 'funding-cliff', from, months],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/portfolio/funding-cliff', { params: { query: { from, months } }, signal })),
  });
}

/** One funding line with its version (the cliff leaves it out), for the coverage decision's If-Match. */
export function useFundingLine(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['funding-line', id],
    queryFn: ({ signal }) => unwrap(api.GET('/funding/{id}', { params: { path: { id } }, signal })),
    select: toLine,
    enabled,
    staleTime: 0,
  });
}

/** After a coverage decision: the cliff and every portfolio figure are counted again. */
export function useRefreshCliff() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['portfolio'] });
}
