import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// Ny insats: the guide that registers an initiative step by step, saving a draft on the server from the first step.
export const newInitiativeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/insatser/ny',
  component: lazyRouteComponent(() => import('../../features/initiative-editing/components/new-initiative-page'), 'NewInitiativeRoutePage'),
});
