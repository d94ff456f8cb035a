import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// Loaded when first visited, so the overview (and its chart library) stays out of the first load's JavaScript.
export const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portfoljen',
  component: lazyRouteComponent(() => import('../../features/overview/components/overview-page'), 'OverviewPage'),
});
