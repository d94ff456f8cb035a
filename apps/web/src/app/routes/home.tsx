import { createRoute, redirect } from '@tanstack/react-router';
import { rootRoute } from './root';

// Everyone's work starts from the list of initiatives; a start page of its own can come when there is more to say.
export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/insatser', replace: true });
  },
});
