import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// One indicator: its values per period and breakdown, the CSV import and the series as a chart.
export const indicatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/indikatorer/$id',
  component: lazyRouteComponent(() => import('../../features/results/components/indicator-page'), 'IndicatorRoutePage'),
});
