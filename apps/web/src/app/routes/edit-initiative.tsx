import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// Editing an initiative's details, with If-Match and the conflict view when someone else saved first.
export const editInitiativeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/insatser/$code/andra',
  component: lazyRouteComponent(
    () => import('../../features/initiative-editing/components/edit-initiative-page'),
    'EditInitiativeRoutePage',
  ),
});
