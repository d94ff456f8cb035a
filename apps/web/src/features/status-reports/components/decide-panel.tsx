import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { TextAreaField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { useApiForm } from '../../../components/forms/use-api-form';
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
export function DecidePanel({ report, onDone, onRefused }: { report: StatusReport; onDone: (message: string) => void; onRefused: (error: unknown) => void }) {
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
function ReturnDialog({ report, onReturned, onRefused }: { report: StatusReport; onReturned: () => void; onRefused: (error: unknown) => void }) {
  const [isOpen, setOpen] = useState(false);
  const move = useReportMove(report);
  const { form, problem, setProblem, submitWith } = useApiForm<{ comment: string }>({ defaultValues: { comment: '' }, fields: ['comment'] });
  const send = submitWith(async ({ comment }) => {
    if (move.isPending) return;
    try {
      await move.mutateAsync({ kind: 'return', comment });
    } catch (error) {
      if (!(error instanceof ApiProblemError) || error.problem.status === 400) throw error;
      setOpen(false);
      onRefused(error);
      return;
    }
    setOpen(false);
    onReturned();
  });
  return (
    <DialogTrigger
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (open) {
          form.reset({ comment: '' });
          setProblem(null);
        }
      }}
    >
      <FormButton variant="secondary">{d.giveBack}</FormButton>
      <ModalOverlay className={styles.overlay} isDismissable={!move.isPending}>
        <Modal className={styles.modal}>
          <Dialog className={styles.dialog}>
            <Heading slot="title" className={styles.dialogTitle}>
              {d.dialogTitle}
            </Heading>
            <p>{d.dialogLead}</p>
            <form onSubmit={send} noValidate>
              <ErrorSummary problem={problem} labels={{ comment: d.comment }} />
              <TextAreaField control={form.control} name="comment" label={d.comment} isRequired />
              <FormActions>
                <FormButton type="submit">
                  {move.isPending ? d.sending : d.send}
                </FormButton>
                <FormButton variant="secondary" slot="close" isDisabled={move.isPending}>
                  {d.cancel}
                </FormButton>
              </FormActions>
            </form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
