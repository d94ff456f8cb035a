import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { unwrapInSwedish } from './refusal';

export type User = components['schemas']['UserDto'];
export type UserMapping = components['schemas']['PutUserDto'];

const USERS = ['users'] as const;

export function useUsers(page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: [...USERS, page],
    queryFn: ({ signal }) => unwrap(api.GET('/users', { params: { query: page }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Places a person in a department: creates the mapping or replaces it whole (the API takes no If-Match here). */
export function usePutUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, mapping }: { subject: string; mapping: UserMapping }) =>
      unwrapInSwedish(api.PUT('/users/{subject}', { params: { path: { subject } }, body: mapping })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: USERS }),
  });
}
