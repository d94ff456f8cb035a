import { Page } from '../../../components/layout/page';
import { resultsMessages } from '../messages';

/** Placeholder until the screen is built (issue 14). */
export function IndicatorsRoutePage() {
  return <Page title={resultsMessages.indicatorsTitle}>{null}</Page>;
}
