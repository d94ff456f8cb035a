import { useState } from 'react';
import { ModalDialog } from '../../../components/dialog';
import { FormButton } from '../../../components/forms/form-button';
import { LoadError } from '../../../components/load-error';
import { useFundingLine } from '../api/use-funding-cliff-page';
import { fundingCliffMessages } from '../funding-cliff-messages';
import type { CliffInitiative, CliffLine } from '../utils/cliff-groups';
import { CoverageForm } from './coverage-form';

const t = fundingCliffMessages.decide;

/**
 * The coverage decision for one line of the cliff, in a dialog: Finansiering's own form (PUT
 * /funding/{id}/coverage-decision with If-Match, errors on their fields), on the line as stored now. When saved, the
 * dialog closes and `onDecided` tells the page, which counts the cliff again.
 */
export function CoverageDialog({
  initiative,
  line,
  onDecided,
}: {
  initiative: CliffInitiative;
  line: CliffLine;
  onDecided: (text: string) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  const stored = useFundingLine(line.id, isOpen);
  return (
    <ModalDialog
      trigger={
        <FormButton variant="secondary" aria-label={t.buttonLabel(initiative.title, line.funder)}>
          {t.button}
        </FormButton>
      }
      isOpen={isOpen}
      onOpenChange={setOpen}
      isPending={false}
      title={t.title(initiative.title)}
      lead={t.lead}
    >
      {stored.isPending ? (
        <p role="status">{t.loading}</p>
      ) : stored.isError ? (
        <LoadError error={stored.error} message={t.loadError} onRetry={() => void stored.refetch()} />
      ) : (
        <CoverageForm
          initiativeId={initiative.id}
          line={stored.data}
          level={3}
          onDone={() => {
            setOpen(false);
            onDecided(t.done(initiative.title));
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </ModalDialog>
  );
}
