import { Page } from '../../../components/layout/page';
import { initiativeEditingMessages } from '../messages';

/** Placeholder until the screen is built (issue 14). */
export function NewInitiativeRoutePage() {
  return <Page title={initiativeEditingMessages.newTitle}>{null}</Page>;
}
