import { Outlet, createRootRoute, useRouter, useRouterState, type NavigateOptions, type ToOptions } from '@tanstack/react-router';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { useAuth } from 'react-oidc-context';
import { AppLayout, type NavigationItem } from '../../components/layout/app-layout';
import { SignInGate } from '../../lib/auth/sign-in-gate';
import { mayFrom } from '../../lib/auth/use-may';
import { useMe } from '../../lib/auth/use-me';
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

const primaryNavigation: readonly NavigationItem[] = [
  { to: '/insatser', label: messages.nav.initiatives },
  { to: '/portfoljen', label: messages.nav.overview },
  { to: '/finansieringsstup', label: messages.nav.fundingCliff },
  { to: '/larm', label: messages.nav.alerts },
  { to: '/rapporter', label: messages.nav.reports },
  { to: '/indikatorer', label: messages.nav.indicators },
  { to: '/overlapp', label: messages.nav.overlaps },
];

// Offered to whoever /me says may import; nobody signed in is asked nothing.
const importNavigation: readonly NavigationItem[] = [...primaryNavigation, { to: '/admin/import', label: messages.nav.initiativeImport }];

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
  return (
    <AriaRouterProvider
      navigate={(to, options) => router.navigate({ ...options, to })}
      useHref={(to) => router.buildLocation({ to }).href}
    >
      <AppLayout
        municipalityName={municipalityName}
        primaryNavigation={mayFrom(me, 'initiatives:import').allowed ? importNavigation : primaryNavigation}
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
