import { Page } from '../../../components/layout/page';
import { statusReportsMessages } from '../messages';

/** Placeholder until the screen is built (issue 14). */
export function ReportRoutePage() {
  return <Page title={statusReportsMessages.reportTitle}>{null}</Page>;
}
