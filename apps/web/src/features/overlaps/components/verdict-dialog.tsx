import { useState } from 'react';
import { Button } from 'react-aria-components';
import { ModalDialog } from '../../../components/dialog';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { RadioGroupField, TextAreaField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { useApiForm } from '../../../components/forms/use-api-form';
import { useOverlapReview, type OverlapPair } from '../api/use-overlaps';
import { OVERLAP_VERDICTS, reviewBody, type OverlapVerdict } from '../utils/overlap-search';
import { overlapsMessages } from '../messages';
import styles from './overlaps.module.css';

const t = overlapsMessages;
type Values = { verdict: OverlapVerdict | null; note: string };
const VERDICT_OPTIONS = OVERLAP_VERDICTS.map((id) => ({ id, label: `${t.verdictLabel[id]} – ${t.verdictHelp[id]}` }));

/**
 * "Bedöm": the verdict on a pair with its note (`PUT …/review`). The API decides what is missing (the note, unless
 * the pair is distinct): its refusal lands on the fields behind the error summary, and the dialog stays open.
 */
export function VerdictDialog({
  pair,
  onRecorded,
}: {
  pair: OverlapPair;
  onRecorded: (verdict: OverlapVerdict) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  const review = useOverlapReview();
  const initial = (): Values => ({ verdict: pair.review?.verdict ?? null, note: pair.review?.note ?? '' });
  const { form, problem, setProblem, submitWith } = useApiForm<Values>({
    defaultValues: initial(),
    fields: ['verdict', 'note'],
  });
  const [code, otherCode] = [pair.initiative.code, pair.otherInitiative.code];
  const send = submitWith(async (values) => {
    if (review.isPending) return;
    const body = reviewBody(values);
    await review.mutateAsync({ initiativeId: pair.initiative.id, otherInitiativeId: pair.otherInitiative.id, ...body });
    setOpen(false);
    onRecorded(body.verdict);
  });
  return (
    <ModalDialog
      trigger={
        <Button className={styles.button} aria-label={t.dialog.openLabel(code, otherCode)}>
          {pair.review ? t.dialog.reassess : t.dialog.open}
        </Button>
      }
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (open) {
          form.reset(initial());
          setProblem(null);
        }
      }}
      isPending={review.isPending}
      title={t.dialog.title}
      lead={t.dialog.lead(code, otherCode)}
    >
      <form onSubmit={send} noValidate>
        <ErrorSummary problem={problem} labels={{ verdict: t.dialog.verdict, note: t.dialog.note }} />
        <RadioGroupField
          control={form.control}
          name="verdict"
          label={t.dialog.verdict}
          isRequired
          options={VERDICT_OPTIONS}
        />
        <TextAreaField
          control={form.control}
          name="note"
          label={t.dialog.note}
          description={t.dialog.noteHelp}
          rows={4}
        />
        <FormActions>
          {/* No isPending: react-aria would announce the button by its id after the dialog has gone. */}
          <FormButton type="submit">{review.isPending ? t.dialog.sending : t.dialog.submit}</FormButton>
          <FormButton variant="secondary" slot="close" isDisabled={review.isPending}>
            {t.dialog.cancel}
          </FormButton>
        </FormActions>
      </form>
    </ModalDialog>
  );
}
