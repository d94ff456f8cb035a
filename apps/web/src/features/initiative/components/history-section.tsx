import { useState } from 'react';
import { LoadError } from '../../../components/load-error';
import { HISTORY_PAGE_SIZE, useHistory } from '../api/initiative-queries';
import { auditEntry } from '../../../lib/audit-trail';
import { Section, sectionHeadingId } from './section';
import styles from './initiative.module.css';
import { initiativeMessages } from '../messages';

/** The initiative's audit trail, newest first, a page at a time: who, when, what, and each changed field. */
export function HistorySection({ initiativeId }: { initiativeId: string }) {
  const [offset, setOffset] = useState(0);
  const history = useHistory(initiativeId, offset);
  const text = initiativeMessages.history;
  const page = history.data;
  const go = (to: number) => {
    setOffset(to);
    // Back to the top of the list: the heading, so the new page is read from its start.
    document.getElementById(sectionHeadingId('history'))?.focus();
  };
  return (
    <Section name="history" busy={history.isFetching}>
      {history.isPending ? (
        <p className={styles.muted}>{initiativeMessages.sectionLoading}</p>
      ) : history.isError ? (
        <LoadError error={history.error} onRetry={() => void history.refetch()} />
      ) : page!.total === 0 ? (
        <p>{text.none}</p>
      ) : (
        <>
          <div className={styles.tableScroll}>
            <table className={styles.table}>
              <caption>
                {text.caption}. {text.pageOf(page!.offset + 1, page!.offset + page!.items.length, page!.total)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{text.when}</th>
                  <th scope="col">{text.who}</th>
                  <th scope="col">{text.what}</th>
                  <th scope="col">{text.changes}</th>
                </tr>
              </thead>
              <tbody>
                {page!.items
                  .map((event) => auditEntry(event))
                  .map((entry) => (
                    <tr key={entry.id}>
                      <th scope="row">{entry.when}</th>
                      <td>{entry.who}</td>
                      <td>{entry.what}</td>
                      <td>
                        {entry.changes.length > 0 && (
                          <ul className={styles.changes}>
                            {entry.changes.map((change) => (
                              <li key={change.field}>
                                <span className={styles.changeField}>{change.label}:</span>{' '}
                                {change.before !== null && (
                                  <>
                                    <del>
                                      <span className="visually-hidden">{text.before}: </span>
                                      {change.before}
                                    </del>{' '}
                                    →{' '}
                                  </>
                                )}
                                {change.after !== null && (
                                  <ins>
                                    <span className="visually-hidden">{text.after}: </span>
                                    {change.after}
                                  </ins>
                                )}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          {page!.total > HISTORY_PAGE_SIZE && (
            <nav aria-label={text.pageLabel} className={styles.pager}>
              <button
                type="button"
                className={styles.button}
                disabled={offset === 0}
                onClick={() => go(Math.max(0, offset - HISTORY_PAGE_SIZE))}
              >
                {text.previous}
              </button>
              <span aria-live="polite">
                {text.pageOf(page!.offset + 1, page!.offset + page!.items.length, page!.total)}
              </span>
              <button
                type="button"
                className={styles.button}
                disabled={offset + HISTORY_PAGE_SIZE >= page!.total}
                onClick={() => go(offset + HISTORY_PAGE_SIZE)}
              >
                {text.next}
              </button>
            </nav>
          )}
        </>
      )}
    </Section>
  );
}
