import { createBrowserHistory, createRouter, type RouterHistory } from '@tanstack/react-router';
import { accessibilityRoute } from './routes/accessibility';
import { alertsRoute } from './routes/alerts';
import { homeRoute } from './routes/home';
import { initiativeRoute } from './routes/initiative';
import { initiativesRoute } from './routes/initiatives';
import { overviewRoute } from './routes/overview';
import { rootRoute } from './routes/root';
import { signedInRoute } from './routes/signed-in';
import { parseSearch, stringifySearch } from './search-params';

const routeTree = rootRoute.addChildren([homeRoute, initiativesRoute, initiativeRoute, overviewRoute, alertsRoute, accessibilityRoute, signedInRoute]);

/** The app's router; tests pass a memory history. Search params are plain (`?status=active&status=proposed`), see search-params.ts. */
export function createAppRouter(history: RouterHistory = createBrowserHistory()) {
  return createRouter({ routeTree, history, scrollRestoration: true, parseSearch, stringifySearch });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
