import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';

export type PortfolioSummary = components['schemas']['PortfolioSummaryDto'];

/** The whole portfolio at a glance (no filters): GET /portfolio/summary. */
export function usePortfolioSummary() {
  return useQuery({
    queryKey: ['portfolio', 'summary'],
    queryFn: ({ signal }) => unwrap(api.GET('/portfolio/summary', { signal })),
  });
}
