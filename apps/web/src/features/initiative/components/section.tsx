import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadError } from '../../../components/load-error';
import styles from './initiative.module.css';
import { initiativeMessages } from '../messages';

export type SectionKey = keyof typeof initiativeMessages.sections;

export const sectionId = (key: SectionKey) => `avsnitt-${key}`;
export const sectionHeadingId = (key: SectionKey) => `${sectionId(key)}-rubrik`;

/** One part of the page: a section named by its h2, which the table of contents moves focus to. */
export function Section({ name, children, busy = false }: { name: SectionKey; children: ReactNode; busy?: boolean }) {
  return (
    <section
      id={sectionId(name)}
      aria-labelledby={sectionHeadingId(name)}
      aria-busy={busy || undefined}
      className={styles.section}
    >
      <h2 id={sectionHeadingId(name)} tabIndex={-1} className={styles.sectionHeading}>
        {initiativeMessages.sections[name]}
      </h2>
      {children}
    </section>
  );
}

/** A section's read: "Hämtar …" while it loads, the error with a retry when it fails, else what `children` makes of the data. */
export function QuerySection<T>({
  name,
  query,
  children,
}: {
  name: SectionKey;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <Section name={name} busy={query.isPending}>
      {query.isPending ? (
        <p className={styles.muted}>{initiativeMessages.sectionLoading}</p>
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        children(query.data)
      )}
    </Section>
  );
}
