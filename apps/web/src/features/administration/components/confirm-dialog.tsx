import { ConfirmDialog } from '../../../components/dialog';
import { ApiProblemError } from '../../../lib/api-client';
import { summaryFor } from '../../../lib/problem';

type Props = {
  /** The button's word, and its name with the record it acts on (a list has many). */
  trigger: { label: string; ariaLabel: string };
  texts: { title: string; body: string; confirm: string; pending: string; cancel: string; failed: string };
  /** Takes the step; a refusal is said in the dialog, which stays open. */
  onConfirm: () => Promise<unknown>;
  onDone: () => void;
};

/** The confirmation before an API call that cannot be undone, saying a refusal in the screen's words and the problem's. */
export function ConfirmApiStep({ trigger, texts, onConfirm, onDone }: Props) {
  return (
    <ConfirmDialog
      trigger={trigger}
      texts={texts}
      onConfirm={async () => {
        try {
          await onConfirm();
        } catch (error) {
          return `${texts.failed} ${summaryFor(error instanceof ApiProblemError ? error.problem.status : 0)}`;
        }
        onDone();
        return null;
      }}
    />
  );
}
