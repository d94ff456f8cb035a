import { useCallback, useState } from 'react';
import { ApiProblemError } from '../../../lib/api-client';
import { summaryFor } from '../../../lib/problem';
import { resultsMessages } from '../messages';
import styles from './results.module.css';

export type Announcement = { text: string; failed: boolean };

/**
 * What the last action did, said to screen readers: a polite status when it worked, an alert when it did not. Both
 * regions are always in the page, so the first announcement is heard too.
 */
export function LiveRegion({ announcement }: { announcement: Announcement | null }) {
  return (
    <>
      <p role="status" className={announcement && !announcement.failed ? styles.done : styles.quiet}>
        {announcement && !announcement.failed ? announcement.text : ''}
      </p>
      <p role="alert" className={announcement?.failed ? styles.failed : styles.quiet}>
        {announcement?.failed ? announcement.text : ''}
      </p>
    </>
  );
}

export function useAnnouncer() {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const done = useCallback((text: string) => setAnnouncement({ text, failed: false }), []);
  const failed = useCallback((error: unknown, text: string = resultsMessages.effectLogic.failed) => {
    const status = error instanceof ApiProblemError ? error.problem.status : 0;
    setAnnouncement({ text: `${text} ${summaryFor(status)}`, failed: true });
  }, []);
  return { announcement, done, failed };
}

/** Moves focus to the element with `id` once it is in the page (after the render that brings it back). */
export function focusById(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
