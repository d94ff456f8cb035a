import type { UseMutationResult } from '@tanstack/react-query';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import { useApiForm } from '../../../components/forms/use-api-form';
import { sameEntry, type ListChange } from '../utils/budget-lists';

type Options<T, V extends FieldValues> = {
  /** The entry as the person saw it; null for a new one. */
  entry: T | null;
  defaultValues: DefaultValues<V>;
  toEntry: (values: V) => T;
  change: UseMutationResult<unknown, Error, ListChange<T>>;
  labels: Record<string, string>;
  onDone: (saved: T) => void;
};

/**
 * The form of one entry of a list the API takes whole (a budget dimension, a code): added, or changed from what the
 * person saw (utils/budget-lists.ts refuses it if someone else changed it meanwhile); nothing is sent when nothing
 * changed. Returns the form and AdminForm's props for the refusal, the submit and the pending state.
 */
export function useEntryForm<T extends { code: string }, V extends FieldValues>({
  entry,
  defaultValues,
  toEntry,
  change,
  labels,
  onDone,
}: Options<T, V>) {
  const { form, problem, submitWith } = useApiForm<V>({ defaultValues, fields: Object.keys(labels) });
  const onSubmit = submitWith(async (values) => {
    if (change.isPending) return;
    const next = toEntry(values);
    if (!entry || !sameEntry(entry, next))
      await change.mutateAsync(entry ? { kind: 'change', before: entry, entry: next } : { kind: 'add', entry: next });
    onDone(next);
  });
  return { form, formProps: { problem, labels, onSubmit, pending: change.isPending } };
}
