import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// Administrators' pages, seldom used: each loaded when first visited.
export const administrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  component: lazyRouteComponent(
    () => import('../../features/administration/components/administration-page'),
    'AdministrationPage',
  ),
});

export const apiKeysRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/nycklar',
  component: lazyRouteComponent(() => import('../../features/administration/components/api-keys-page'), 'ApiKeysPage'),
});

export const jobsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/jobb',
  component: lazyRouteComponent(() => import('../../features/administration/components/jobs-page'), 'JobsPage'),
});

export const departmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/forvaltningar',
  component: lazyRouteComponent(
    () => import('../../features/administration/components/departments-page'),
    'DepartmentsPage',
  ),
});

export const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/anvandare',
  component: lazyRouteComponent(() => import('../../features/administration/components/users-page'), 'UsersPage'),
});

export const webhooksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/webhooks',
  component: lazyRouteComponent(() => import('../../features/administration/components/webhooks-page'), 'WebhooksPage'),
});

export const codeListsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/malgrupper',
  component: lazyRouteComponent(
    () => import('../../features/administration/components/code-lists-page'),
    'CodeListsPage',
  ),
});

export const goalsAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/mal',
  component: lazyRouteComponent(() => import('../../features/administration/components/goals-page'), 'GoalsAdminPage'),
});

export const budgetDimensionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/budget',
  component: lazyRouteComponent(
    () => import('../../features/administration/components/budget-page'),
    'BudgetDimensionsPage',
  ),
});

export const budgetCodesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/budget/$dimension',
  component: lazyRouteComponent(
    () => import('../../features/administration/components/budget-codes-page'),
    'BudgetCodesPage',
  ),
});
