import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// One status report: written, saved, submitted; returned ones corrected and submitted again.
export const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rapporter/$id',
  component: lazyRouteComponent(
    () => import('../../features/status-reports/components/report-page'),
    'ReportRoutePage',
  ),
});
