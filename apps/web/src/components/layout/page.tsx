import { useEffect, type ReactNode } from 'react';
import { messages } from '../../lib/messages';
import { PAGE_HEADING_ID } from './landmark-ids';
import styles from './page.module.css';

type PageProps = {
  /** The page's heading, and the first part of the browser tab's title. */
  title: string;
  children?: ReactNode;
  /** The content's full width (tables, timelines) instead of the reading width; text inside keeps the reading width. */
  wide?: boolean;
};

/**
 * Every page's frame: sets the document title and renders the one `<h1>`, which takes focus after a navigation
 * (see useFocusOnNavigation) so screen readers announce the new page.
 */
export function Page({ title, children, wide = false }: PageProps) {
  useEffect(() => {
    document.title = messages.app.documentTitle(title);
  }, [title]);
  return (
    <div className={wide ? `${styles.page} ${styles.wide}` : styles.page}>
      <h1 id={PAGE_HEADING_ID} className={styles.heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
