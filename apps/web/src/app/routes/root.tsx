import { Outlet, createRootRoute, useRouter, type NavigateOptions, type ToOptions } from '@tanstack/react-router';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { AppLayout, type NavigationItem } from '../../components/layout/app-layout';
import { messages } from '../../lib/messages';
import { NotFound } from './not-found';

// react-aria-components' links (in menus, tables, breadcrumbs) navigate through the router and take its typed paths.
declare module 'react-aria-components' {
  interface RouterConfig {
    href: ToOptions['to'];
    routerOptions: Omit<NavigateOptions, keyof ToOptions>;
  }
}

const primaryNavigation: readonly NavigationItem[] = [
  { to: '/insatser', label: messages.nav.initiatives },
  { to: '/portfoljen', label: messages.nav.overview },
  { to: '/larm', label: messages.nav.alerts },
];

const footerNavigation: readonly NavigationItem[] = [{ to: '/tillganglighet', label: messages.nav.accessibility }];

function Root() {
  const router = useRouter();
  return (
    <AriaRouterProvider
      navigate={(to, options) => router.navigate({ ...options, to })}
      useHref={(to) => router.buildLocation({ to }).href}
    >
      <AppLayout
        municipalityName={messages.app.municipalityName}
        primaryNavigation={primaryNavigation}
        footerNavigation={footerNavigation}
      >
        <Outlet />
      </AppLayout>
    </AriaRouterProvider>
  );
}

export const rootRoute = createRootRoute({ component: Root, notFoundComponent: NotFound });
