import type { ReactNode } from 'react';
import styles from './filter-panel.module.css';

/** A list page's filters: a section named by its heading, the controls in a row that wraps on a narrow screen. */
export function FilterPanel({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={styles.filters}>
      <h2 id={id} className={styles.heading}>
        {heading}
      </h2>
      <div className={styles.row}>{children}</div>
    </section>
  );
}
