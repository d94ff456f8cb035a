import type { Ref } from 'react';
import styles from './announcement.module.css';

/**
 * What an action did, in a polite live region that stays in the page, so what is put in it later is read out. The
 * sentence can take focus (`ref`) when the button that did it has gone with the change.
 */
export function Announcement({
  text,
  ref,
  className,
}: {
  text: string;
  ref: Ref<HTMLParagraphElement>;
  className?: string;
}) {
  return (
    <div role="status">
      {text && (
        <p ref={ref} tabIndex={-1} className={className ? `${styles.announcement} ${className}` : styles.announcement}>
          {text}
        </p>
      )}
    </div>
  );
}
