import { createRoute } from '@tanstack/react-router';
import { ComingSoon } from '../../components/coming-soon';
import { parseInitiativeListSearch } from '../../features/portfolio/utils/initiative-list-search';
import { messages } from '../../lib/messages';
import { rootRoute } from './root';

export const initiativesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/insatser',
  validateSearch: parseInitiativeListSearch,
  component: () => <ComingSoon title={messages.nav.initiatives} description={messages.comingSoon.initiatives} />,
});
