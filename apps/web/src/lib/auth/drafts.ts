/**
 * Drafts: what a person typed, kept in this tab's sessionStorage while the browser goes to sign in again (a session
 * that ends mid-edit loses nothing). A form saves on SESSION_ENDING_EVENT (or `useSaveDraftOnSessionEnd`) and, once
 * it is shown again, offers or restores `readDraft`, then `clearDraft`s it when saved or discarded.
 *
 * A draft belongs to the person who typed it (`owner`: `useMe().data.subject`): someone else signing in in the same
 * tab never gets it. Drafts older than DRAFT_MAX_AGE_MS are dropped; signing out on purpose removes them all. Keep
 * drafts to what the form holds: never a token, never more than the person typed.
 */

const PREFIX = 'samla.draft.';
/** A sign-in lasts 12 hours at most; a draft older than that belongs to a session long gone. */
export const DRAFT_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export type Draft<T> = { value: T; savedAt: string };
type Stored = { owner: string; savedAt: string; value: unknown };

/** Saves `value` under `key` (e.g. `initiative-edit:SSPF`) for `owner`; false when the browser refuses (storage full). */
export function saveDraft(key: string, value: unknown, owner: string, now: Date = new Date()): boolean {
  try {
    window.sessionStorage.setItem(
      PREFIX + key,
      JSON.stringify({ owner, savedAt: now.toISOString(), value } satisfies Stored),
    );
    return true;
  } catch {
    return false;
  }
}

/** The draft under `key` if `owner` saved it within DRAFT_MAX_AGE_MS; otherwise null (and a stale one is removed). */
export function readDraft<T>(key: string, owner: string, now: Date = new Date()): Draft<T> | null {
  const text = window.sessionStorage.getItem(PREFIX + key);
  if (text === null) return null;
  let stored: Partial<Stored> | null;
  try {
    stored = JSON.parse(text) as Partial<Stored> | null;
  } catch {
    stored = null;
  }
  const savedAt = typeof stored?.savedAt === 'string' ? Date.parse(stored.savedAt) : Number.NaN;
  if (!stored || Number.isNaN(savedAt) || now.getTime() - savedAt > DRAFT_MAX_AGE_MS) {
    clearDraft(key);
    return null;
  }
  if (stored.owner !== owner) return null;
  return { value: stored.value as T, savedAt: stored.savedAt! };
}

export function clearDraft(key: string) {
  window.sessionStorage.removeItem(PREFIX + key);
}

/** Every draft of this tab. */
export function clearAllDrafts() {
  const keys: string[] = [];
  for (let index = 0; index < window.sessionStorage.length; index += 1) {
    const key = window.sessionStorage.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) window.sessionStorage.removeItem(key);
}
