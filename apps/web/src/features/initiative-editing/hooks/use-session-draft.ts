import { useEffect, useRef, useState } from 'react';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import { sameValue } from '../../../components/forms/conflict-view';
import { clearDraft, readDraft, saveDraft } from '../../../lib/auth/drafts';
import { onSessionEnding } from '../../../lib/auth/session';

/**
 * Nothing typed is lost when the session ends mid-form: the browser leaves to sign in again after `samla:session-ending`,
 * so the form's values go to this tab's drafts (lib/auth/drafts.ts) first, if they differ from what it opened with.
 * When the form shows again for the same person, the draft is put back as unsaved changes (and removed from storage).
 * Returns whether it put one back, for the page to say so.
 */
export function useSessionDraft<T extends FieldValues>(
  form: UseFormReturn<T>,
  key: string,
  opened: T,
  owner: string | undefined,
): boolean {
  const [restored, setRestored] = useState(false);
  const checked = useRef(false);

  useEffect(() => {
    if (!owner || checked.current) return;
    checked.current = true;
    const draft = readDraft<T>(key, owner);
    clearDraft(key);
    if (!draft) return;
    for (const [name, value] of Object.entries(draft.value))
      form.setValue(name as Path<T>, value as PathValue<T, Path<T>>, { shouldDirty: true });
    // Once per form, after writing the stored draft into it (an effect's work): one more render, to say it was put back.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRestored(true);
  }, [form, key, owner]);

  useEffect(() => {
    if (!owner) return undefined;
    return onSessionEnding(() => {
      const values = form.getValues();
      if (!sameValue(values, opened)) saveDraft(key, values, owner);
    });
  }, [form, key, opened, owner]);

  return restored;
}
