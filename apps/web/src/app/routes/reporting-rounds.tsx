import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseRoundSearch } from '../../features/reporting-rounds/utils/round-form';
import { rootRoute } from './root';

// The chosen round is in the URL; the page itself is loaded when first visited.
export const reportingRoundsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/omgangar',
  validateSearch: parseRoundSearch,
  component: lazyRouteComponent(
    () => import('../../features/reporting-rounds/components/rounds-page'),
    'ReportingRoundsPage',
  ),
});
