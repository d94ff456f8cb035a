import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// The indicators: defined once, attached to outcomes, measured per period.
export const indicatorsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/indikatorer',
  component: lazyRouteComponent(
    () => import('../../features/results/components/indicators-page'),
    'IndicatorsRoutePage',
  ),
});
