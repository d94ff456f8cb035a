import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { toListQuery, type InitiativeListSearch } from '../utils/initiative-list-search';

export type ListedInitiative = components['schemas']['InitiativeDto'];

/**
 * One page of the list for a view. While the next page or filter loads, the last answer stays on screen
 * (`isPlaceholderData`), so the table does not jump to empty and back.
 */
export function useInitiativeList(search: InitiativeListSearch) {
  const query = toListQuery(search);
  return useQuery({
    queryKey: ['initiatives', 'list', query],
    queryFn: ({ signal }) => unwrap(api.GET('/initiatives', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}
