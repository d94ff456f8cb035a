import { useFormPanel } from './use-form-panel';

/** The entry a form is open on, and how many times it was read again after someone else saved first. */
export type OpenEntry<T> = { entry: T; reloads: number };

/**
 * useFormPanel for one entry of a list the API takes whole (budget dimensions, codes), with `reload` for "Hämta det
 * senaste" after a 412: the list is read again and the form opened anew on the entry as it is now (a new `reloads`,
 * so the form starts over from it), or, when someone removed it meanwhile, closed with `gone` announced.
 */
export function useEntryPanel<T extends { code: string }>(
  latest: () => Promise<readonly T[] | undefined>,
  gone: (entry: T) => string,
) {
  const panel = useFormPanel<OpenEntry<T>>();
  const reload = async ({ entry, reloads }: OpenEntry<T>, openerId: string) => {
    const now = (await latest())?.find((candidate) => candidate.code === entry.code);
    if (now) panel.open({ kind: 'edit', item: { entry: now, reloads: reloads + 1 } });
    else panel.close(gone(entry), openerId);
  };
  return { ...panel, reload };
}
