import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseAuditSearch } from '../../features/audit-trail/utils/audit-search';
import { rootRoute } from './root';

// The search is in the URL; the pages are loaded when first visited.
export const auditTrailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/granskning',
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(
    () => import('../../features/audit-trail/components/audit-trail-page'),
    'AuditTrailPage',
  ),
});

// `$code` is the initiative's code or its id (an event names its initiative by id); `offset` pages its changes.
export const initiativeAuditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/granskning/insatser/$code',
  validateSearch: (raw: Record<string, unknown>): { offset?: number } => ({ offset: parseAuditSearch(raw).offset }),
  component: lazyRouteComponent(
    () => import('../../features/audit-trail/components/initiative-audit-page'),
    'InitiativeAuditPage',
  ),
});
