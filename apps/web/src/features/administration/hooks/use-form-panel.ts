import { useRef, useState } from 'react';
import { useFocusAfterRender } from '../../../lib/hooks/use-focus-after-render';

/** Which form a list page has open: none, a new record's, or one record's. One at a time, so field ids stay unique. */
export type Editing<T> = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; item: T };

/**
 * A list page's one form, opened by a button and closed by saving or cancelling: after saving, focus goes to the
 * sentence saying what was done (a live region); after cancelling, back to the button that opened the form, by its id.
 * Focus moves once the form has gone, since its buttons go with it.
 */
export function useFormPanel<T>() {
  const [editing, setEditing] = useState<Editing<T>>({ kind: 'none' });
  const [announcement, setAnnouncement] = useState('');
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const focusAfterRender = useFocusAfterRender();

  return {
    editing,
    announcement,
    announcementRef,
    open: (next: Exclude<Editing<T>, { kind: 'none' }>) => {
      setAnnouncement('');
      setEditing(next);
    },
    /** Announces what a step outside the form did (a removal); opening a form clears it. */
    say: setAnnouncement,
    /** `done`: what saving did, to announce; null when cancelled, focus then goes to `openerId`. */
    close: (done: string | null, openerId: string) => {
      setEditing({ kind: 'none' });
      focusAfterRender(() => {
        const target = done ? announcementRef.current : document.getElementById(openerId);
        target?.focus();
        return target !== null;
      });
      if (done) setAnnouncement(done);
    },
  };
}
