import {
  Outlet,
  createRootRoute,
  useRouter,
  useRouterState,
  type NavigateOptions,
  type ToOptions,
} from '@tanstack/react-router';
import { useMemo } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { useAuth } from 'react-oidc-context';
import { AppLayout } from '../../components/layout/app-layout';
import type { NavigationEntry, NavigationItem } from '../../components/layout/primary-navigation';
import { SignInGate } from '../../lib/auth/sign-in-gate';
import { mayFrom } from '../../lib/auth/use-may';
import { useMe, type Me, type Permission } from '../../lib/auth/use-me';
import { useWebConfig } from '../../lib/auth/web-config';
import { messages } from '../../lib/messages';
import { NotFound } from './not-found';

// react-aria-components' links (in menus, tables, breadcrumbs) navigate through the router and take its typed paths.
declare module 'react-aria-components' {
  interface RouterConfig {
    href: ToOptions['to'];
    routerOptions: Omit<NavigateOptions, keyof ToOptions>;
  }
}

// A route marks itself `staticData: { public: true }` to be shown without signing in.
declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    public?: boolean;
  }
}

type Screen = NavigationItem & {
  /** Listed for whoever /me grants this; a screen without one is for everyone signed in. */
  permission?: Permission;
};
type ScreenGroup = { label: string; screens: readonly Screen[] };

// The header's navigation in the order people work: the portfolio, its follow-up, the leadership group's meeting,
// the auditors' trail (one screen, so a link of its own), administration. One line per screen.
const screens: readonly (Screen | ScreenGroup)[] = [
  {
    label: messages.nav.groups.portfolio,
    screens: [
      { to: '/insatser', label: messages.nav.initiatives },
      { to: '/portfoljen', label: messages.nav.overview },
      { to: '/larm', label: messages.nav.alerts },
    ],
  },
  {
    label: messages.nav.groups.followUp,
    screens: [
      { to: '/rapporter', label: messages.nav.reports },
      { to: '/indikatorer', label: messages.nav.indicators },
      { to: '/mal', label: messages.nav.goals },
      { to: '/omgangar', label: messages.nav.reportingRounds, permission: 'reporting-rounds:write' },
    ],
  },
  {
    label: messages.nav.groups.leadership,
    screens: [
      { to: '/finansieringsstup', label: messages.nav.fundingCliff },
      { to: '/overlapp', label: messages.nav.overlaps },
      { to: '/revisionsberedskap', label: messages.nav.readiness },
      { to: '/genomgangar', label: messages.nav.portfolioReviews },
    ],
  },
  { to: '/granskning', label: messages.nav.auditTrail, permission: 'audit:read' },
  {
    label: messages.nav.groups.administration,
    screens: [
      { to: '/admin/import', label: messages.nav.initiativeImport, permission: 'initiatives:import' },
      { to: '/admin', label: messages.nav.administration, permission: 'access:manage' },
    ],
  },
];

/**
 * The screens this person may use, a group only with at least one of them; before /me answers (or signed out), only
 * those for everyone.
 */
function primaryNavigationFor(me: Me | undefined): readonly NavigationEntry[] {
  const mayUse = (screen: Screen) => !screen.permission || mayFrom(me, screen.permission).allowed;
  return screens.flatMap((entry): NavigationEntry[] => {
    if (!('screens' in entry)) return mayUse(entry) ? [entry] : [];
    const items = entry.screens.filter(mayUse);
    return items.length > 0 ? [{ label: entry.label, items }] : [];
  });
}

const footerNavigation: readonly NavigationItem[] = [{ to: '/tillganglighet', label: messages.nav.accessibility }];

function Root() {
  const router = useRouter();
  const { municipalityName } = useWebConfig();
  const { data: me } = useMe({ enabled: useAuth().isAuthenticated });
  // Public: a route that says so, and the 404 page of an address no route has (the root's notFoundComponent).
  const isPublic = useRouterState({
    select: (state) => state.matches.some((match) => match._notFound === true || match.staticData?.public === true),
  });
  const returnTo = useRouterState({ select: (state) => state.location.href });
  const primaryNavigation = useMemo(() => primaryNavigationFor(me), [me]);
  return (
    <AriaRouterProvider
      navigate={(to, options) => router.navigate({ ...options, to })}
      useHref={(to) => router.buildLocation({ to }).href}
    >
      <AppLayout
        municipalityName={municipalityName}
        primaryNavigation={primaryNavigation}
        footerNavigation={footerNavigation}
      >
        <SignInGate isPublic={isPublic} returnTo={returnTo}>
          <Outlet />
        </SignInGate>
      </AppLayout>
    </AriaRouterProvider>
  );
}

export const rootRoute = createRootRoute({ component: Root, notFoundComponent: NotFound });
