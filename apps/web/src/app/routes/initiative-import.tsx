import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// An admin's page, seldom used: loaded when first visited.
export const initiativeImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/import',
  component: lazyRouteComponent(
    () => import('../../features/initiative-import/components/initiative-import-page'),
    'InitiativeImportPage',
  ),
});
