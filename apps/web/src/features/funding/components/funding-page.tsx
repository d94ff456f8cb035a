import { Page } from '../../../components/layout/page';
import { fundingMessages } from '../messages';

/** Placeholder until the screen is built (issue 14). */
export function FundingRoutePage() {
  return <Page title={fundingMessages.title}>{null}</Page>;
}
