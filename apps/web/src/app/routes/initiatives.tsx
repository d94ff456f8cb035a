import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseInitiativeListSearch } from '../../features/portfolio/utils/initiative-list-search';
import { rootRoute } from './root';

export const initiativesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/insatser',
  validateSearch: parseInitiativeListSearch,
  // Loaded when first visited, so the list's code (react-aria's table, selects, comboboxes) stays out of the first load.
  component: lazyRouteComponent(
    () => import('../../features/portfolio/components/initiative-list-page'),
    'InitiativeListRoute',
  ),
});
