import { useState, type ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ApiProblemError } from '../lib/api-client';
import styles from './dialog.module.css';
import { ErrorSummary } from './forms/error-summary';
import { TextAreaField } from './forms/fields';
import { FormActions, FormButton } from './forms/form-button';
import { useApiForm } from './forms/use-api-form';

type ModalDialogProps = {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** While the step runs, a click outside does not close the dialog. */
  isPending: boolean;
  title: string;
  lead: string;
  /** `alertdialog` for a step that cannot be taken back. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
};

/** A modal dialog opened by its trigger, by keyboard as well as by pointer: a heading, a lead sentence, then its form or buttons. */
export function ModalDialog({
  trigger,
  isOpen,
  onOpenChange,
  isPending,
  title,
  lead,
  role = 'dialog',
  children,
}: ModalDialogProps) {
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      {trigger}
      <ModalOverlay className={styles.overlay} isDismissable={!isPending}>
        <Modal className={styles.modal}>
          <Dialog className={styles.dialog} role={role}>
            <Heading slot="title" className={styles.title}>
              {title}
            </Heading>
            <p>{lead}</p>
            {children}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

type CommentDialogProps = {
  trigger: ReactNode;
  title: string;
  lead: string;
  comment: { label: string; description?: string; rows?: number; isRequired?: boolean };
  submit: { label: string; pendingLabel: string };
  cancel: string;
  isPending: boolean;
  /** Takes the step with the comment as typed; rejects with the API's refusal. */
  onSubmit: (comment: string) => Promise<unknown>;
  onDone: () => void;
  /** Any refusal but a refused comment: the dialog closes and the page tells it (what is on offer has changed). */
  onRefused: (error: ApiProblemError) => void;
};

/**
 * A step taken with a comment (the API's field `comment`). A comment the API refuses (400) stays in the dialog on its
 * field, behind the error summary; any other refusal closes the dialog and goes to `onRefused`.
 */
export function CommentDialog({
  trigger,
  title,
  lead,
  comment,
  submit,
  cancel,
  isPending,
  onSubmit,
  onDone,
  onRefused,
}: CommentDialogProps) {
  const [isOpen, setOpen] = useState(false);
  const { form, problem, setProblem, submitWith } = useApiForm<{ comment: string }>({
    defaultValues: { comment: '' },
    fields: ['comment'],
  });
  const send = submitWith(async (values) => {
    if (isPending) return;
    try {
      await onSubmit(values.comment);
    } catch (error) {
      if (!(error instanceof ApiProblemError) || error.problem.status === 400) throw error;
      setOpen(false);
      onRefused(error);
      return;
    }
    setOpen(false);
    onDone();
  });
  return (
    <ModalDialog
      trigger={trigger}
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (open) {
          form.reset({ comment: '' });
          setProblem(null);
        }
      }}
      isPending={isPending}
      title={title}
      lead={lead}
    >
      <form onSubmit={send} noValidate>
        <ErrorSummary problem={problem} labels={{ comment: comment.label }} />
        <TextAreaField
          control={form.control}
          name="comment"
          label={comment.label}
          description={comment.description}
          rows={comment.rows}
          isRequired={comment.isRequired}
        />
        <FormActions>
          {/* No isPending: react-aria would announce the button by its id after the dialog has gone. */}
          <FormButton type="submit">{isPending ? submit.pendingLabel : submit.label}</FormButton>
          <FormButton variant="secondary" slot="close" isDisabled={isPending}>
            {cancel}
          </FormButton>
        </FormActions>
      </form>
    </ModalDialog>
  );
}

type ConfirmDialogProps = {
  /** The button that opens the dialog: its visible word, and its name with the record it acts on (a list has many). */
  trigger: { label: string; ariaLabel: string };
  texts: { title: string; body: string; confirm: string; cancel: string; pending?: string };
  /** Takes the step: resolves to null when done (the dialog closes), or to a sentence saying why not (it stays open). */
  onConfirm: () => Promise<string | null>;
};

/**
 * Asks before a step that cannot be taken back (ending a funding line, revoking a key, removing a subscription), by
 * keyboard as well as by pointer. Avbryt has focus first: Enter on an opened dialog never takes the step by mistake.
 */
export function ConfirmDialog({ trigger, texts, onConfirm }: ConfirmDialogProps) {
  const [isOpen, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const confirm = async () => {
    if (pending) return;
    setPending(true);
    try {
      const why = await onConfirm();
      setRefusal(why);
      if (!why) setOpen(false);
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
      {refusal && (
        <p role="alert" className={styles.refusal}>
          {refusal}
        </p>
      )}
      <FormActions>
        <FormButton onPress={() => void confirm()}>
          {pending && texts.pending ? texts.pending : texts.confirm}
        </FormButton>
        <FormButton variant="secondary" slot="close" autoFocus isDisabled={pending}>
          {texts.cancel}
        </FormButton>
      </FormActions>
    </ModalDialog>
  );
}
