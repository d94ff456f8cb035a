import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// Mina rapporter: the status reports due in open reporting rounds.
export const myReportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rapporter',
  component: lazyRouteComponent(
    () => import('../../features/status-reports/components/my-reports-page'),
    'MyReportsRoutePage',
  ),
});
