import { useState } from 'react';
import { ModalDialog } from '../../../components/dialog';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { ApiProblemError } from '../../../lib/api-client';
import { summaryFor } from '../../../lib/problem';
import styles from './administration.module.css';

type Props = {
  /** The button's word, and its name with the record it acts on (a list has many). */
  trigger: { label: string; ariaLabel: string };
  texts: { title: string; body: string; confirm: string; pending: string; cancel: string; failed: string };
  /** Takes the step; a refusal is said in the dialog, which stays open. */
  onConfirm: () => Promise<unknown>;
  onDone: () => void;
};

/** Asks before a step that cannot be undone (revoking a key, removing a subscription); Avbryt has focus first. */
export function ConfirmDialog({ trigger, texts, onConfirm, onDone }: Props) {
  const [isOpen, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const confirm = async () => {
    if (pending) return;
    setPending(true);
    try {
      await onConfirm();
      setOpen(false);
      onDone();
    } catch (error) {
      setRefusal(summaryFor(error instanceof ApiProblemError ? error.problem.status : 0));
    } finally {
      setPending(false);
    }
  };
  return (
    <ModalDialog
      trigger={
        <FormButton variant="secondary" aria-label={trigger.ariaLabel}>
          {trigger.label}
        </FormButton>
      }
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (open) setRefusal(null);
      }}
      isPending={pending}
      title={texts.title}
      lead={texts.body}
      role="alertdialog"
    >
      {refusal ? (
        <p role="alert" className={styles.error}>
          {texts.failed} {refusal}
        </p>
      ) : null}
      <FormActions>
        <FormButton onPress={() => void confirm()}>{pending ? texts.pending : texts.confirm}</FormButton>
        <FormButton variant="secondary" slot="close" autoFocus isDisabled={pending}>
          {texts.cancel}
        </FormButton>
      </FormActions>
    </ModalDialog>
  );
}
