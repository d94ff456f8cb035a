import { createRoute } from '@tanstack/react-router';
import { AccessibilityStatement } from '../../features/accessibility/components/accessibility-statement';
import { rootRoute } from './root';

export const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tillganglighet',
  // Anyone may read the accessibility statement, signed in or not.
  staticData: { public: true },
  component: AccessibilityStatement,
});
