import { useState } from 'react';
import { ModalDialog } from '../../../components/dialog';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { ApiProblemError } from '../../../lib/api-client';
import { summaryFor } from '../../../lib/problem';
import { useRevokeApiKey, type ApiKey } from '../api/api-keys';
import { administrationMessages } from '../messages';
import styles from './administration.module.css';

const t = administrationMessages.apiKeys;

/** "Återkalla": asks first (it cannot be undone); a refusal is said in the dialog, which stays open. */
export function RevokeDialog({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const [isOpen, setOpen] = useState(false);
  const revoke = useRevokeApiKey();
  const confirm = () => {
    if (revoke.isPending) return;
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        setOpen(false);
        onRevoked();
      },
    });
  };
  const refusal = revoke.error instanceof ApiProblemError ? summaryFor(revoke.error.problem.status) : revoke.error ? summaryFor(0) : null;
  return (
    <ModalDialog
      trigger={
        <FormButton variant="secondary" aria-label={t.revokeLabel(apiKey.name)}>
          {t.revoke}
        </FormButton>
      }
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (open) revoke.reset();
      }}
      isPending={revoke.isPending}
      title={t.revokeTitle}
      lead={t.revokeBody(apiKey.name)}
      role="alertdialog"
    >
      {refusal ? (
        <p role="alert" className={styles.error}>
          {t.revokeFailed} {refusal}
        </p>
      ) : null}
      <FormActions>
        <FormButton onPress={confirm}>{revoke.isPending ? t.revoking : t.revokeConfirm}</FormButton>
        <FormButton variant="secondary" slot="close" autoFocus isDisabled={revoke.isPending}>
          {t.cancel}
        </FormButton>
      </FormActions>
    </ModalDialog>
  );
}
