import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// Insatsen loads on its own: its code stays out of the first load (the JavaScript budget).
export const initiativeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/insatser/$code',
  component: lazyRouteComponent(
    () => import('../../features/initiative/components/initiative-page'),
    'InitiativeRoutePage',
  ),
});
