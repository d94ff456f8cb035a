import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';

export type PortfolioSummary = components['schemas']['PortfolioSummaryDto'];
export type FundingCliffTotals = components['schemas']['FundingCliffTotalsDto'];

/** The whole portfolio at a glance (no filters): GET /portfolio/summary. */
export function usePortfolioSummary() {
  return useQuery({
    queryKey: ['portfolio', 'summary'],
    queryFn: ({ signal }) => unwrap(api.GET('/portfolio/summary', { signal })),
  });
}

/**
 * The funding cliff's totals per month, `months` months from `from` (YYYY-MM): GET /portfolio/funding-cliff/totals,
 * without the initiatives the cliff page lists. Its key is under ['portfolio'], so a coverage decision (useRefreshCliff)
 * refreshes it; 'totals' keeps it apart from the cliff page's full report of the same window, another shape.
 */
export function useFundingCliff(from: string, months: number) {
  return useQuery({
    queryKey: ['portfolio', 'funding-cliff', 'totals', from, months],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/portfolio/funding-cliff/totals', { params: { query: { from, months } }, signal })),
  });
}
