import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api-client';
import type { components } from './api-schema';

export type FundingCliffTotals = components['schemas']['FundingCliffTotalsDto'];

/**
 * The funding cliff's figures, `months` months from `from` (YYYY-MM): GET /portfolio/funding-cliff/totals, per month,
 * per budget year and department, and before the window, without the initiatives (the cliff page opens those a group
 * at a time). Shared by the overview's chart and the cliff page; its key is under ['portfolio'], so a coverage decision
 * refreshes it with every other portfolio figure.
 */
export function useFundingCliffTotals(from: string, months: number) {
  return useQuery({
    queryKey: ['portfolio', 'funding-cliff', 'totals', from, months],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/portfolio/funding-cliff/totals', { params: { query: { from, months } }, signal })),
  });
}
