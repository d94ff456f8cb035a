import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api-client';
import type { components } from '../api-schema';

/** `GET /api/v1/me`: who the signed-in person is and what they may do (the API's MeDto). */
export type Me = components['schemas']['MeDto'];
export type Permission = components['schemas']['Permission'];
export type Role = components['schemas']['Role'];
export type Reach = components['schemas']['Reach'];

export const ME_QUERY_KEY = ['me'] as const;

/**
 * The signed-in person (TanStack Query of GET /me, with their token). Roles and permissions change seldom: kept for
 * five minutes, asked again when the tab regains focus after that. `enabled: false` asks nothing (nobody signed in).
 */
export function useMe({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/me', { signal })),
    staleTime: 5 * 60_000,
    enabled,
  });
}
