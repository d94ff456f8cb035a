import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { toListQuery, type InitiativeListSearch } from '../utils/initiative-list-search';

export type ListedInitiative = components['schemas']['InitiativeDto'];

/** The request for one page of the list for a view, shared by the page and by the prefetch on a change of view. */
export function initiativeListQuery(search: InitiativeListSearch) {
  const query = toListQuery(search);
  return queryOptions({
    queryKey: ['initiatives', 'list', query],
    queryFn: ({ signal }) => unwrap(api.GET('/initiatives', { params: { query }, signal })),
  });
}

/**
 * One page of the list for a view. While the next page or filter loads, the last answer stays on screen
 * (`isPlaceholderData`), so the table does not jump to empty and back.
 */
export function useInitiativeList(search: InitiativeListSearch) {
  return useQuery({ ...initiativeListQuery(search), placeholderData: keepPreviousData });
}
