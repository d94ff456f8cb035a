import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { TextAreaField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { useApiForm } from '../../../components/forms/use-api-form';
import { ApiProblemError } from '../../../lib/api-client';
import { toFormProblem } from '../../../lib/problem';
import { useReportMove } from '../api/report-queries';
import type { StatusReport } from '../utils/report-form';
import styles from './status-reports.module.css';
import { statusReportsMessages } from '../messages';

const d = statusReportsMessages.decide;

/** Leadership's answer to a submitted report: approve it, or send it back with a comment the department will read. */
export function DecidePanel({ report, onDone }: { report: StatusReport; onDone: (message: string) => void }) {
  const move = useReportMove(report);
  const [refusal, setRefusal] = useState<string | null>(null);
  // No isPending on these buttons (see ReportForm): the panel is gone once the report is decided.
  const approve = () => {
    if (move.isPending) return;
    setRefusal(null);
    move.mutate(
      { kind: 'approve' },
      {
        onSuccess: () => onDone(d.approved),
        onError: (error) => setRefusal(error instanceof ApiProblemError ? toFormProblem(error.problem).summary : d.refused),
      },
    );
  };
  return (
    <section aria-labelledby="rapport-granska" className={styles.section}>
      <h2 id="rapport-granska">{d.heading}</h2>
      <div role="alert">{refusal && <p className={styles.refusal}>{refusal}</p>}</div>
      <FormActions>
        <FormButton onPress={approve}>
          {d.approve}
        </FormButton>
        <ReturnDialog report={report} onReturned={() => onDone(d.returned)} />
      </FormActions>
    </section>
  );
}

function ReturnDialog({ report, onReturned }: { report: StatusReport; onReturned: () => void }) {
  const [isOpen, setOpen] = useState(false);
  const move = useReportMove(report);
  const { form, problem, setProblem, submitWith } = useApiForm<{ comment: string }>({ defaultValues: { comment: '' }, fields: ['comment'] });
  const send = submitWith(async ({ comment }) => {
    if (move.isPending) return;
    await move.mutateAsync({ kind: 'return', comment });
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
