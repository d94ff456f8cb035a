import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// The page is loaded when first visited.
export const fundingCliffRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/finansieringsstup',
  component: lazyRouteComponent(
    () => import('../../features/funding/components/funding-cliff-page'),
    'FundingCliffPage',
  ),
});
