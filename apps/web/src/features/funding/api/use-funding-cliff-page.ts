import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { useFundingCliffTotals } from '../../../lib/use-funding-cliff-totals';
import { monthsThroughYearAfterNext, type CliffGroup } from '../utils/cliff-groups';
import { toLine } from '../utils/funding-form';

/** How many initiatives a group's list shows at first, and adds at each "Visa fler". */
export const CLIFF_PAGE_SIZE = 50;

/** The cliff's figures from `from` (YYYY-MM) through the year after next; each group's initiatives load when opened. */
export function useFundingCliffPage(from: string) {
  return useFundingCliffTotals(from, monthsThroughYearAfterNext(from));
}

/**
 * A group's initiatives, a page at a time, once `enabled` (the group is opened): a month's, or those whose cliffs
 * before the window are still open. Under ['portfolio'], so a coverage decision refreshes the pages loaded.
 */
export function useCliffInitiatives(group: CliffGroup, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['portfolio', 'funding-cliff', 'initiatives', group],
    queryFn: ({ pageParam: offset, signal }) => {
      const query = { limit: CLIFF_PAGE_SIZE, offset };
      return unwrap(
        group.kind === 'month'
          ? api.GET('/portfolio/funding-cliff/months/{month}/initiatives', {
              params: { path: { month: group.month }, query },
              signal,
            })
          : api.GET('/portfolio/funding-cliff/earlier/initiatives', {
              params: { query: { ...query, from: group.from } },
              signal,
            }),
      );
    },
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.limit : undefined),
    enabled,
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
