import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { ModalDialog } from '../../../components/dialog';
import { ApiProblemError } from '../../../lib/api-client';
import { toFormProblem } from '../../../lib/problem';
import type { Alert } from '../api/use-alerts';
import styles from './alerts.module.css';
import { alertsMessages } from '../messages';

const t = alertsMessages;

/**
 * "Avfärda": a dialog asking for the reason, which the API requires. A field error from the API stays in the dialog
 * on its field; any other refusal closes it and goes to the list (`onRefused`), which announces it and takes focus.
 */
export function DismissDialog({
  alert,
  onDismiss,
  onRefused,
}: {
  alert: Alert;
  onDismiss: (reason: string) => Promise<unknown>;
  onRefused: (error: unknown) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    try {
      await onDismiss(reason);
      setOpen(false);
    } catch (error) {
      const problem =
        error instanceof ApiProblemError ? toFormProblem(error.problem, { fields: ['reason'] }) : undefined;
      const onReason = problem?.fieldErrors.reason?.[0]?.message;
      if (onReason) {
        setReasonError(onReason);
      } else {
        setOpen(false);
        onRefused(error);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <ModalDialog
      trigger={
        <Button className={styles.secondaryButton} aria-label={t.dismissLabel(alert.title)}>
          {t.dismiss}
        </Button>
      }
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (open) {
          setReason('');
          setReasonError(undefined);
        }
      }}
      isPending={pending}
      title={t.dialog.title}
      lead={t.dialog.lead(alert.title)}
    >
      <Form onSubmit={submit} validationBehavior="aria">
        <TextField
          className={styles.field}
          value={reason}
          onChange={(value) => {
            setReason(value);
            setReasonError(undefined);
          }}
          isRequired
          isInvalid={reasonError !== undefined}
          autoFocus
        >
          <Label className={styles.label}>{t.dialog.reason}</Label>
          <Text slot="description" className={styles.hint}>
            {t.dialog.reasonHint}
          </Text>
          <TextArea className={styles.textArea} rows={4} />
          <FieldError className={styles.fieldError}>{reasonError}</FieldError>
        </TextField>
        <div className={styles.dialogButtons}>
          <Button type="submit" className={styles.primaryButton} isPending={pending}>
            {pending ? t.dialog.sending : t.dialog.submit}
          </Button>
          <Button slot="close" className={styles.secondaryButton} isDisabled={pending}>
            {t.dialog.cancel}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
