import { useState } from 'react';
import buttons from '../../../components/buttons.module.css';
import { ApiProblemError } from '../../../lib/api-client';
import { summaryFor } from '../../../lib/problem';
import { openQueueDashboard, QUEUE_DASHBOARD_PATH } from '../api/queue-dashboard';
import { administrationMessages } from '../messages';
import styles from './administration.module.css';

const t = administrationMessages.queueDashboard;

type Outcome = { kind: 'none' } | { kind: 'blocked' } | { kind: 'failed'; status: number };

/** The queue dashboard's card on /admin: a button that opens it in a new tab, and what went wrong if it did not. */
export function QueueDashboardCard() {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  // Not async itself: the tab must be opened while the click is being handled (see openQueueDashboard).
  const open = () => {
    if (pending) return;
    setPending(true);
    setOutcome({ kind: 'none' });
    openQueueDashboard()
      .then(
        (opened) => setOutcome(opened === 'blocked' ? { kind: 'blocked' } : { kind: 'none' }),
        (error: unknown) =>
          setOutcome({ kind: 'failed', status: error instanceof ApiProblemError ? error.problem.status : 0 }),
      )
      .finally(() => setPending(false));
  };
  return (
    <li className={styles.card}>
      <h3 className={styles.cardTitle}>{t.title}</h3>
      <p>{t.description}</p>
      <p className={styles.cardAction}>
        <button type="button" className={buttons.button} onClick={open}>
          {pending ? t.opening : t.open} <span className="visually-hidden">{t.newTab}</span>
        </button>
      </p>
      <div role="alert">
        {outcome.kind === 'failed' ? (
          <p className={styles.error}>
            {t.failed} {summaryFor(outcome.status)}
          </p>
        ) : outcome.kind === 'blocked' ? (
          <p className={styles.notice}>
            {t.blocked}{' '}
            <a href={QUEUE_DASHBOARD_PATH} target="_blank" rel="noopener">
              {t.link}
            </a>
          </p>
        ) : null}
      </div>
    </li>
  );
}
