import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { unwrapInSwedish } from './refusal';

export type ApiKey = components['schemas']['ApiKeyDto'];
export type ApiKeyScope = ApiKey['scopes'][number];
export type NewApiKey = components['schemas']['CreateApiKeyDto'];

const API_KEYS = ['api-keys'] as const;
/** The most keys a municipality has: every key on one page. */
const LIMIT = 200;

export function useApiKeys() {
  return useQuery({
    queryKey: API_KEYS,
    queryFn: ({ signal }) => unwrap(api.GET('/api-keys', { params: { query: { limit: LIMIT } }, signal })),
  });
}

/** Creates a key; the answer holds its secret, which only the caller's state keeps (never the query cache). */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApiKey) => unwrapInSwedish(api.POST('/api-keys', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api-keys/{id}/revoke', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: API_KEYS }),
  });
}
