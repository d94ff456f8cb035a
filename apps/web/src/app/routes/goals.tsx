import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseGoalSearch } from '../../features/goals-and-effects/utils/goal-search';
import { rootRoute } from './root';

// Both pages are loaded when first visited.
export const goalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mal',
  validateSearch: parseGoalSearch,
  component: lazyRouteComponent(() => import('../../features/goals-and-effects/components/goals-page'), 'GoalsPage'),
});

export const goalChainRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mal/$code',
  component: lazyRouteComponent(
    () => import('../../features/goals-and-effects/components/goal-chain-page'),
    'GoalChainPage',
  ),
});

export const keyFiguresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/nyckeltal',
  component: lazyRouteComponent(
    () => import('../../features/goals-and-effects/components/key-figures-page'),
    'KeyFiguresPage',
  ),
});
