import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type BaseSyntheticEvent } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { sameValue } from '../../../components/forms/conflict-view';
import { ApiProblemError } from '../../../lib/api-client';
import { patchInitiative, readInitiative, saved, type Versioned } from '../api/initiative-editing';
import { toBody, toFormValues, type InitiativeField, type InitiativeFormValues } from '../utils/initiative-form';

/** Someone else saved first: what this person had typed, and the initiative as it is now (with its ETag). */
export type SaveConflict = { mine: InitiativeFormValues; theirs: Versioned };

type SubmitWith = (
  action: (values: InitiativeFormValues) => Promise<void>,
) => (event?: BaseSyntheticEvent) => Promise<void>;

/**
 * Saving an initiative's form with If-Match: only the fields among `fields` that changed since the version the form
 * started from, so nothing the person did not touch is sent. When someone else saved first (412), `conflict` holds both
 * versions for the ConflictView, and `resolve` saves the merge the person chose on top of the other's version.
 * `onDone` runs after a save, or at once when nothing had changed.
 */
export function useVersionedSave(
  form: UseFormReturn<InitiativeFormValues>,
  submitWith: SubmitWith,
  initial: Versioned,
  fields: readonly InitiativeField[],
  onDone: (outcome: 'saved' | 'unchanged', now: Versioned, before: Versioned) => void | Promise<void>,
) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(initial);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const base = useMemo(() => toFormValues(current.initiative), [current]);

  const save = async (values: InitiativeFormValues, from: Versioned) => {
    const start = toFormValues(from.initiative);
    const changed = fields.filter((field) => !sameValue(start[field], values[field]));
    if (changed.length === 0) return onDone('unchanged', from, from);
    let next: Versioned;
    try {
      next = await patchInitiative(from.initiative.id, from.etag, toBody(values, changed));
    } catch (error) {
      if (!(error instanceof ApiProblemError) || error.problem.status !== 412) throw error;
      setConflict({ mine: values, theirs: await readInitiative(from.initiative.id) });
      return undefined;
    }
    await saved(queryClient, next);
    setCurrent(next);
    form.reset(toFormValues(next.initiative));
    return onDone('saved', next, from);
  };

  const resolve = async (merged: InitiativeFormValues) => {
    if (!conflict) return;
    const { theirs } = conflict;
    setConflict(null);
    setCurrent(theirs);
    // The other person's version is the new starting point; the merge is what this person has now typed.
    form.reset(toFormValues(theirs.initiative));
    for (const field of fields) form.setValue(field, merged[field], { shouldDirty: true });
    await submitWith((values) => save(values, theirs))();
  };

  return { current, base, conflict, resolve, onSubmit: submitWith((values) => save(values, current)) };
}
