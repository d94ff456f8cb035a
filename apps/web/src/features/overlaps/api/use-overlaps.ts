import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { toOverlapQuery, type OverlapListSearch, type OverlapVerdict } from '../utils/overlap-search';

export type OverlapPair = components['schemas']['OverlapPairDto'];

/** The pairs the filters select, best score first. */
export function useOverlaps(search: OverlapListSearch) {
  const query = toOverlapQuery(search);
  return useQuery({
    queryKey: ['overlaps', query],
    queryFn: ({ signal }) => unwrap(api.GET('/portfolio/overlaps', { params: { query }, signal })),
  });
}

export type OverlapReview = { initiativeId: string; otherInitiativeId: string; verdict: OverlapVerdict; note?: string };

/**
 * Records the verdict on a pair; the list is read again whatever the answer (a reviewed pair leaves the default list),
 * and so is everything under Portföljgenomgång's key, whose agendas list the pairs without a verdict.
 */
export function useOverlapReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ initiativeId, otherInitiativeId, ...body }: OverlapReview) =>
      unwrap(
        api.PUT('/portfolio/overlaps/{initiativeId}/{otherInitiativeId}/review', {
          params: { path: { initiativeId, otherInitiativeId } },
          body,
        }),
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['overlaps'] }),
        queryClient.invalidateQueries({ queryKey: ['portfolio-reviews'] }),
      ]),
  });
}
