import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// An initiative's effect logic, built level by level, as a list and a diagram.
export const effectLogicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/insatser/$code/effektlogik',
  component: lazyRouteComponent(
    () => import('../../features/results/components/effect-logic-page'),
    'EffectLogicRoutePage',
  ),
});
