import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseReadinessSearch } from '../../features/readiness/utils/readiness-search';
import { rootRoute } from './root';

// The filters are in the URL; the page itself is loaded when first visited.
export const readinessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/revisionsberedskap',
  validateSearch: parseReadinessSearch,
  component: lazyRouteComponent(() => import('../../features/readiness/components/readiness-page'), 'ReadinessPage'),
});
