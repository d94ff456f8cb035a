import { createBrowserHistory, createRouter, type RouterHistory } from '@tanstack/react-router';
import { accessibilityRoute } from './routes/accessibility';
import {
  administrationRoute,
  apiKeysRoute,
  budgetCodesRoute,
  budgetDimensionsRoute,
  codeListsRoute,
  departmentsRoute,
  goalsAdminRoute,
  jobsRoute,
  usersRoute,
  webhooksRoute,
} from './routes/administration';
import { alertsRoute } from './routes/alerts';
import { auditTrailRoute, initiativeAuditRoute } from './routes/audit-trail';
import { editInitiativeRoute } from './routes/edit-initiative';
import { effectLogicRoute } from './routes/effect-logic';
import { fundingCliffRoute } from './routes/funding-cliff';
import { goalChainRoute, goalsRoute, keyFiguresRoute } from './routes/goals';
import { homeRoute } from './routes/home';
import { indicatorRoute } from './routes/indicator';
import { indicatorsRoute } from './routes/indicators';
import { initiativeRoute } from './routes/initiative';
import { initiativeFundingRoute } from './routes/initiative-funding';
import { initiativeImportRoute } from './routes/initiative-import';
import { initiativesRoute } from './routes/initiatives';
import { myReportsRoute } from './routes/my-reports';
import { initiativeGuideRoute, newInitiativeRoute } from './routes/new-initiative';
import { overlapsRoute } from './routes/overlaps';
import { overviewRoute } from './routes/overview';
import { readinessRoute } from './routes/readiness';
import { agendaItemRoute, minutesRoute, reviewPackRoute, reviewRoute, reviewsRoute } from './routes/portfolio-reviews';
import { reportRoute } from './routes/report';
import { reportingRoundsRoute } from './routes/reporting-rounds';
import { rootRoute } from './routes/root';
import { signedInRoute } from './routes/signed-in';
import { parseSearch, stringifySearch } from './search-params';

const routeTree = rootRoute.addChildren([
  homeRoute,
  initiativesRoute,
  newInitiativeRoute,
  initiativeGuideRoute,
  initiativeRoute,
  editInitiativeRoute,
  initiativeFundingRoute,
  effectLogicRoute,
  indicatorsRoute,
  indicatorRoute,
  myReportsRoute,
  reportRoute,
  overviewRoute,
  fundingCliffRoute,
  alertsRoute,
  overlapsRoute,
  readinessRoute,
  goalsRoute,
  goalChainRoute,
  keyFiguresRoute,
  reviewsRoute,
  reviewRoute,
  agendaItemRoute,
  minutesRoute,
  reviewPackRoute,
  initiativeImportRoute,
  reportingRoundsRoute,
  auditTrailRoute,
  initiativeAuditRoute,
  administrationRoute,
  apiKeysRoute,
  jobsRoute,
  departmentsRoute,
  usersRoute,
  webhooksRoute,
  codeListsRoute,
  goalsAdminRoute,
  budgetDimensionsRoute,
  budgetCodesRoute,
  accessibilityRoute,
  signedInRoute,
]);

/** The app's router; tests pass a memory history. Search params are plain (`?status=active&status=proposed`), see search-params.ts. */
export function createAppRouter(history: RouterHistory = createBrowserHistory()) {
  return createRouter({ routeTree, history, scrollRestoration: true, parseSearch, stringifySearch });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
