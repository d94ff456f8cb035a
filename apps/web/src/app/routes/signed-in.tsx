import { createRoute } from '@tanstack/react-router';
import { SignInCallback } from '../../lib/auth/sign-in-callback';
import { rootRoute } from './root';

// Where the identity provider sends the browser back with the code (web-config's redirectPath). Public: the page
// finishes the sign-in itself, then replaces itself with the page the person asked for.
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inloggad',
  staticData: { public: true },
  validateSearch: () => ({}),
  component: SignInCallback,
});
