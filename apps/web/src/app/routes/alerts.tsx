import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseAlertListSearch } from '../../features/alerts/utils/alert-search';
import { rootRoute } from './root';

// The filters are in the URL; the page itself is loaded when first visited.
export const alertsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/larm',
  validateSearch: parseAlertListSearch,
  component: lazyRouteComponent(() => import('../../features/alerts/components/alerts-page'), 'AlertsPage'),
});
