import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { parseGuideSearch } from '../../features/initiative-editing/utils/guide-search';
import { rootRoute } from './root';

/** The guide's page with features/funding's editor in its funding step: features do not import each other, the app joins them. */
async function guideWithFunding(page: 'NewInitiativeRoutePage' | 'GuideRoutePage') {
  const [guide, { FundingLinesEditor }] = await Promise.all([
    import('../../features/initiative-editing/components/guide-page'),
    import('../../features/funding/components/funding-lines-editor'),
  ]);
  const Page = guide[page];
  return { default: () => <Page fundingEditor={FundingLinesEditor} /> };
}

// Ny insats: the guide that registers an initiative step by step, saving a draft on the server from the first step.
export const newInitiativeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/insatser/ny',
  component: lazyRouteComponent(() => guideWithFunding('NewInitiativeRoutePage')),
});

// The guide for a draft already on the server, at a step (`?steg=3`): where the guide goes on after the first step,
// and where a person resumes it ("Fortsätt i guiden" on Insatsen).
export const initiativeGuideRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/insatser/$code/guide',
  validateSearch: parseGuideSearch,
  component: lazyRouteComponent(() => guideWithFunding('GuideRoutePage')),
});
