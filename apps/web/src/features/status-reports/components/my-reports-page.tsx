import { Page } from '../../../components/layout/page';
import { statusReportsMessages } from '../messages';

/** Placeholder until the screen is built (issue 14). */
export function MyReportsRoutePage() {
  return <Page title={statusReportsMessages.myReportsTitle}>{null}</Page>;
}
