import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseOverlapListSearch } from '../../features/overlaps/utils/overlap-search';
import { rootRoute } from './root';

// The filters are in the URL; the page itself is loaded when first visited.
export const overlapsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/overlapp',
  validateSearch: parseOverlapListSearch,
  component: lazyRouteComponent(() => import('../../features/overlaps/components/overlaps-page'), 'OverlapsPage'),
});
