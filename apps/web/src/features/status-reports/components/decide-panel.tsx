import { CommentDialog } from '../../../components/dialog';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { ApiProblemError } from '../../../lib/api-client';
import { summaryFor } from '../../../lib/problem';
import { useReportMove } from '../api/report-queries';
import type { StatusReport } from '../utils/report-form';
import styles from './status-reports.module.css';
import { statusReportsMessages } from '../messages';

const d = statusReportsMessages.decide;

/** A refused decision in Swedish: what the status means for a report where it says more, else the general sentence. */
export function decisionRefusal(error: unknown): string {
  const status = error instanceof ApiProblemError ? error.problem.status : 0;
  return d.refused[status] ?? summaryFor(status);
}

/**
 * Leadership's answer to a submitted report: approve it, or send it back with a comment the department will read. A
 * refusal goes to the page (`onRefused`): the report is read again and this panel may be gone with its status.
 */
export function DecidePanel({
  report,
  onDone,
  onRefused,
}: {
  report: StatusReport;
  onDone: (message: string) => void;
  onRefused: (error: unknown) => void;
}) {
  const move = useReportMove(report);
  // No isPending on these buttons (see ReportForm): the panel is gone once the report is decided.
  const approve = () => {
    if (move.isPending) return;
    move.mutate({ kind: 'approve' }, { onSuccess: () => onDone(d.approved), onError: onRefused });
  };
  return (
    <section aria-labelledby="rapport-granska" className={styles.section}>
      <h2 id="rapport-granska">{d.heading}</h2>
      <FormActions>
        <FormButton onPress={approve}>{d.approve}</FormButton>
        <ReturnDialog report={report} onReturned={() => onDone(d.returned)} onRefused={onRefused} />
      </FormActions>
    </section>
  );
}

/**
 * "Skicka tillbaka": the comment the API requires. A refused comment stays in the dialog on its field; any other
 * refusal (the report was decided meanwhile) closes it and goes to the page.
 */
function ReturnDialog({
  report,
  onReturned,
  onRefused,
}: {
  report: StatusReport;
  onReturned: () => void;
  onRefused: (error: unknown) => void;
}) {
  const move = useReportMove(report);
  return (
    <CommentDialog
      trigger={<FormButton variant="secondary">{d.giveBack}</FormButton>}
      title={d.dialogTitle}
      lead={d.dialogLead}
      comment={{ label: d.comment, isRequired: true }}
      submit={{ label: d.send, pendingLabel: d.sending }}
      cancel={d.cancel}
      isPending={move.isPending}
      onSubmit={(comment) => move.mutateAsync({ kind: 'return', comment })}
      onDone={onReturned}
      onRefused={onRefused}
    />
  );
}
