import { useState } from 'react';
import { RagBadge } from '../../../components/badges';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { NumberField, RadioGroupField, TextAreaField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { useApiForm } from '../../../components/forms/use-api-form';
import { useUnsavedChangesWarning } from '../../../components/forms/use-unsaved-changes-warning';
import { useReportMove } from '../api/report-queries';
import {
  REPORT_FIELDS,
  reportFormValues,
  reportPatch,
  type RagStatus,
  type ReportFormValues,
  type StatusReport,
} from '../utils/report-form';
import styles from './status-reports.module.css';
import { statusReportsMessages } from '../messages';

const f = statusReportsMessages.form;
const RAGS: readonly RagStatus[] = ['green', 'amber', 'red'];
// The badge carries the RAG's text and shape, so it is the radio's whole label.
const RAG_OPTIONS = RAGS.map((rag) => ({ id: rag, label: '', icon: <RagBadge rag={rag} /> }));
const LABELS = { ragStatus: f.rag, progress: f.progress, risks: f.risks, spendingToDateSek: f.spending };

/**
 * The department's report: RAG, progress, risks and spending. "Spara" keeps it as it is (If-Match on the version read);
 * "Lämna in" saves what was typed, then submits. What the API refuses lands on the fields and in the error summary.
 */
export function ReportForm({
  report,
  onDone,
}: {
  report: StatusReport;
  onDone: (message: string, moveFocus: boolean) => void;
}) {
  const { form, problem, submitWith } = useApiForm<ReportFormValues>({
    defaultValues: reportFormValues(report),
    fields: REPORT_FIELDS,
  });
  const move = useReportMove(report);
  const [action, setAction] = useState<'save' | 'submit'>('save');
  useUnsavedChangesWarning(form.formState.isDirty);

  // No isPending on the buttons: react-aria announces a pending button by its id, and these may be gone by the time
  // the announcement is read (a submitted report shows no form); a second press while busy is ignored instead.
  const save = submitWith(async (values) => {
    if (move.isPending) return;
    setAction('save');
    await move.mutateAsync({ kind: 'save', patch: reportPatch(values) });
    form.reset(values);
    onDone(f.saved, false);
  });
  const submit = submitWith(async (values) => {
    if (move.isPending) return;
    setAction('submit');
    await move.mutateAsync({ kind: 'submit', ...(form.formState.isDirty ? { patch: reportPatch(values) } : {}) });
    form.reset(values);
    onDone(f.submitted, true);
  });
  const control = form.control;

  return (
    <section aria-labelledby="rapport-formular" className={styles.section}>
      <h2 id="rapport-formular">{f.heading}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary problem={problem} labels={LABELS} {...(action === 'submit' ? { title: f.submitTitle } : {})} />
        <RadioGroupField
          control={control}
          name="ragStatus"
          label={f.rag}
          description={f.ragHelp}
          options={RAG_OPTIONS}
        />
        <TextAreaField control={control} name="progress" label={f.progress} description={f.progressHelp} rows={6} />
        <TextAreaField control={control} name="risks" label={f.risks} description={f.risksHelp} />
        <NumberField
          control={control}
          name="spendingToDateSek"
          label={f.spending}
          description={f.spendingHelp}
          unit="kr"
          minValue={0}
        />
        <FormActions>
          <FormButton type="submit">{move.isPending && action === 'submit' ? f.submitting : f.submit}</FormButton>
          <FormButton variant="secondary" onPress={() => void save()}>
            {move.isPending && action === 'save' ? f.saving : f.save}
          </FormButton>
        </FormActions>
      </form>
    </section>
  );
}
