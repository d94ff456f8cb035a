import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// An initiative's funding lines: add, change, end; reporting deadlines, successor and coverage decision.
export const initiativeFundingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/insatser/$code/finansiering',
  component: lazyRouteComponent(() => import('../../features/funding/components/funding-page'), 'FundingRoutePage'),
});
