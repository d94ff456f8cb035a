import { ApiProblemError } from '../../../lib/api-client';
import { summaryFor } from '../../../lib/problem';
import buttons from '../../../components/buttons.module.css';
import type { StatusReport } from '../utils/report-form';
import styles from './status-reports.module.css';
import { statusReportsMessages } from '../messages';

const t = statusReportsMessages;

/** A report's status in words, and "Försenad" in words too when the API says it is late. */
export function ReportStatus({ report }: { report: Pick<StatusReport, 'status' | 'overdue'> }) {
  return (
    <span className={styles.status}>
      <span>{t.status[report.status]}</span>
      {report.overdue && <strong className={styles.overdue}>{t.overdue}</strong>}
    </span>
  );
}

/** A failed read: the problem in Swedish and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const status = error instanceof ApiProblemError ? error.problem.status : 0;
  return (
    <div role="alert" className={styles.refusal}>
      <p>{summaryFor(status)}</p>
      <button type="button" className={buttons.outlined} onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}
