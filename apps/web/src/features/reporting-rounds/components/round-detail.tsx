import { Link } from '@tanstack/react-router';
import { RagBadge } from '../../../components/badges';
import { LoadError } from '../../../components/load-error';
import { formatDate, formatDay } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import { useCompletion, useDepartmentOptions, useSubmittedReports, type ReportingRound } from '../api/round-queries';
import { reportingRoundsMessages } from '../messages';
import styles from './reporting-rounds.module.css';

const t = reportingRoundsMessages.round;

/** The chosen round: its scope, how far each lead department has come, and the submitted reports to decide on. */
export function RoundDetail({ round }: { round: ReportingRound | undefined }) {
  if (!round) return <p>{t.notFound}</p>;
  return (
    <section aria-labelledby="omgang-vald" className={styles.section}>
      <h2 id="omgang-vald">{round.title}</h2>
      <Scope round={round} />
      <Completion roundId={round.id} />
      <ToDecide roundId={round.id} />
    </section>
  );
}

function Scope({ round }: { round: ReportingRound }) {
  const departments = useDepartmentOptions();
  const names = new Map((departments.data?.items ?? []).map((department) => [department.id, department.name]));
  return (
    <dl className={styles.facts}>
      <div>
        <dt>{reportingRoundsMessages.list.period}</dt>
        <dd>{round.period}</dd>
      </div>
      <div>
        <dt>{reportingRoundsMessages.list.dueDate}</dt>
        <dd>{formatDate(round.dueDate)}</dd>
      </div>
      <div>
        <dt>{t.statuses}</dt>
        <dd>{round.scopeStatuses.map((status) => messages.initiativeStatus[status] ?? status).join(', ')}</dd>
      </div>
      <div>
        <dt>{t.departments}</dt>
        <dd>
          {round.scopeDepartmentIds
            ? round.scopeDepartmentIds.map((id) => names.get(id) ?? id).join(', ')
            : reportingRoundsMessages.list.allDepartments}
        </dd>
      </div>
    </dl>
  );
}

function Completion({ roundId }: { roundId: string }) {
  const completion = useCompletion(roundId);
  return (
    <>
      <h3>{t.completion}</h3>
      {completion.isPending ? (
        <p role="status">{t.loading}</p>
      ) : completion.isError ? (
        <LoadError error={completion.error} message={t.error} onRetry={() => void completion.refetch()} />
      ) : completion.data.totals.total === 0 ? (
        <p>{t.noReports}</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <caption>{t.completionCaption(formatDate(completion.data.asOf))}</caption>
            <thead>
              <tr>
                <th scope="col">{t.department}</th>
                <th scope="col">{t.total}</th>
                <th scope="col">{t.submitted}</th>
                <th scope="col">{t.approved}</th>
                <th scope="col">{t.pending}</th>
                <th scope="col">{t.overdue}</th>
              </tr>
            </thead>
            <tbody>
              {completion.data.departments.map((row) => (
                <tr key={row.departmentId ?? 'none'}>
                  <th scope="row">{row.departmentName ?? t.noDepartment}</th>
                  <td>{row.total}</td>
                  <td>{row.submitted}</td>
                  <td>{row.approved}</td>
                  <td>{row.pending}</td>
                  <td>{t.overdueText(row.overdue)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t.totals}</th>
                <td>{completion.data.totals.total}</td>
                <td>{completion.data.totals.submitted}</td>
                <td>{completion.data.totals.approved}</td>
                <td>{completion.data.totals.pending}</td>
                <td>{t.overdueText(completion.data.totals.overdue)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}

function ToDecide({ roundId }: { roundId: string }) {
  const reports = useSubmittedReports(roundId);
  return (
    <>
      <h3>{t.toDecide}</h3>
      <p>{t.toDecideLead}</p>
      {reports.isPending ? (
        <p role="status">{t.loading}</p>
      ) : reports.isError ? (
        <LoadError error={reports.error} message={t.error} onRetry={() => void reports.refetch()} />
      ) : reports.data.items.length === 0 ? (
        <p>{t.noneToDecide}</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <caption>{t.toDecideCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.initiative}</th>
                <th scope="col">{t.rag}</th>
                <th scope="col">{t.submittedAt}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.openText}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reports.data.items.map((report) => (
                <tr key={report.id}>
                  <th scope="row">
                    {report.initiative.code} {report.initiative.title}
                  </th>
                  <td>{report.ragStatus ? <RagBadge rag={report.ragStatus} /> : null}</td>
                  <td>{report.submittedAt ? formatDay(report.submittedAt) : null}</td>
                  <td>
                    <Link to="/rapporter/$id" params={{ id: report.id }} aria-label={t.open(report.initiative.code)}>
                      {t.openText}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
