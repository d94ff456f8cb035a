import type { ReactNode } from 'react';
import styles from './filter-panel.module.css';

/**
 * A page's filters in one framed panel: a named section with its h2, the controls side by side (wrapping on a narrow
 * screen), and under them `footer` (shortcuts, "Rensa filter") where a page has any.
 */
export function FilterPanel({
  id,
  heading,
  children,
  footer,
}: {
  id: string;
  heading: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={styles.panel}>
      <h2 id={id} className={styles.heading}>
        {heading}
      </h2>
      <div className={styles.row}>{children}</div>
      {footer}
    </section>
  );
}
