import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';

export type PortfolioSummary = components['schemas']['PortfolioSummaryDto'];
export type FundingCliff = components['schemas']['FundingCliffDto'];

/** The whole portfolio at a glance (no filters): GET /portfolio/summary. */
export function usePortfolioSummary() {
  return useQuery({
    queryKey: ['portfolio', 'summary'],
    queryFn: ({ signal }) => unwrap(api.GET('/portfolio/summary', { signal })),
  });
}

/** The funding cliff per month, `months` months from `from` (YYYY-MM): GET /portfolio/funding-cliff. */
export function useFundingCliff(from: string, months: number) {
  return useQuery({
    queryKey: ['portfolio', 'funding-cliff', from, months],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/portfolio/funding-cliff', { params: { query: { from, months } }, signal })),
  });
}
