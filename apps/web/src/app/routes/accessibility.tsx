import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

export const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tillganglighet',
  // Anyone may read the accessibility statement, signed in or not.
  staticData: { public: true },
  component: lazyRouteComponent(
    () => import('../../features/accessibility/components/accessibility-statement'),
    'AccessibilityStatement',
  ),
});
