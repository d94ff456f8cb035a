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
