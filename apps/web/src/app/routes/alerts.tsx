import { createRoute } from '@tanstack/react-router';
import { ComingSoon } from '../../components/coming-soon';
import { messages } from '../../lib/messages';
import { rootRoute } from './root';

export const alertsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/larm',
  component: () => <ComingSoon title={messages.nav.alerts} description={messages.comingSoon.alerts} />,
});
