import { createRoute } from '@tanstack/react-router';
import { ComingSoon } from '../../components/coming-soon';
import { messages } from '../../lib/messages';
import { rootRoute } from './root';

export const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portfoljen',
  component: () => <ComingSoon title={messages.nav.overview} description={messages.comingSoon.overview} />,
});
