import { useState } from 'react';
import { ModalDialog } from '../../../components/dialog';
import { FormButton } from '../../../components/forms/form-button';
import styles from './funding.module.css';

type Props = {
  /** The button that opens the dialog: its visible word and its name with the line, for a list of many lines. */
  trigger: { label: string; ariaLabel: string };
  /** The dialog's words (funding messages' `end` or `remove`); the body names the line. */
  texts: { title: string; body: (line: string) => string; confirm: string; cancel: string };
  line: string;
  /** Does the thing; resolves to a sentence to show in the dialog when it could not, or null when done (it closes). */
  onConfirm: () => Promise<string | null>;
};

/** Asks before a step that cannot be taken back (ending or deleting a line), by keyboard as well as by pointer. */
export function ConfirmDialog({ trigger, texts, line, onConfirm }: Props) {
  const [isOpen, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    if (pending) return;
    setPending(true);
    try {
      const refusal = await onConfirm();
      setError(refusal);
      if (!refusal) setOpen(false);
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
        if (open) setError(null);
      }}
      isPending={pending}
      title={texts.title}
      lead={texts.body(line)}
      role="alertdialog"
    >
      {error && (
        <p role="alert" className={styles.dialogError}>
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <FormButton onPress={() => void run()} autoFocus>
          {texts.confirm}
        </FormButton>
        <FormButton variant="secondary" slot="close" isDisabled={pending}>
          {texts.cancel}
        </FormButton>
      </div>
    </ModalDialog>
  );
}
