import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from './root';

// Portföljgenomgång: the reviews, one review's agenda, an agenda item with its decision, the minutes and the pack.
export const reviewsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/genomgangar',
  component: lazyRouteComponent(
    () => import('../../features/portfolio-reviews/components/reviews-page'),
    'ReviewsPage',
  ),
});

export const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/genomgangar/$reviewId',
  component: lazyRouteComponent(() => import('../../features/portfolio-reviews/components/review-page'), 'ReviewPage'),
});

export const agendaItemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/genomgangar/$reviewId/punkter/$code',
  component: lazyRouteComponent(
    () => import('../../features/portfolio-reviews/components/agenda-item-page'),
    'AgendaItemPage',
  ),
});

export const minutesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/genomgangar/$reviewId/protokoll',
  component: lazyRouteComponent(
    () => import('../../features/portfolio-reviews/components/minutes-page'),
    'MinutesPage',
  ),
});

export const reviewPackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/genomgangar/$reviewId/underlag',
  component: lazyRouteComponent(
    () => import('../../features/portfolio-reviews/components/review-pack-page'),
    'ReviewPackPage',
  ),
});
