import type { MouseEvent } from 'react';
import { messages } from '../../lib/messages';
import { MAIN_CONTENT_ID } from './landmark-ids';
import styles from './app-layout.module.css';

/**
 * The first thing a keyboard user reaches: jumps past the header and navigation. Focus is moved in code as well, so
 * the jump works in every browser and leaves no `#…` in the address that the router would treat as a navigation.
 */
export function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView?.();
  };
  return (
    <a className={styles.skipLink} href={`#${MAIN_CONTENT_ID}`} onClick={skip}>
      {messages.layout.skipToContent}
    </a>
  );
}
