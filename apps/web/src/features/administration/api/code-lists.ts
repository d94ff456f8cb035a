import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { unwrapInSwedish } from './refusal';

export type CodeListItem = components['schemas']['CodeListItemDto'];
export type NewCodeListItem = components['schemas']['CreateCodeListItemDto'];
export type CodeList = 'targetGroup' | 'district';

const PATHS = { targetGroup: '/target-groups', district: '/districts' } as const;
// Under the keys other screens read these lists by, so an addition shows in their pickers too.
const KEYS = { targetGroup: ['target-groups'], district: ['districts'] } as const;
/** The API's largest page: a municipality's lists fit on it. */
const LIMIT = 200;

export function useCodeList(list: CodeList) {
  return useQuery({
    queryKey: [...KEYS[list], 'administration'],
    queryFn: ({ signal }) => unwrap(api.GET(PATHS[list], { params: { query: { limit: LIMIT } }, signal })),
  });
}

export function useAddCodeListItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ list, item }: { list: CodeList; item: NewCodeListItem }) =>
      unwrapInSwedish(api.POST(PATHS[list], { body: item })),
    onSuccess: (_, { list }) => queryClient.invalidateQueries({ queryKey: KEYS[list] }),
  });
}
