import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';

export type KeyFigure = components['schemas']['IndicatorOverviewDto'];

/** The indicators, by code, each with its whole population's series: the first 200 (the API's largest page). */
export function useKeyFigures() {
  return useQuery({
    queryKey: ['indicators', 'overview'],
    queryFn: ({ signal }) => unwrap(api.GET('/indicators/overview', { params: { query: { limit: 200 } }, signal })),
  });
}
