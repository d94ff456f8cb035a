import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { LoadError } from '../../../components/load-error';
import { Page } from '../../../components/layout/page';
import { useMay } from '../../../lib/auth/use-may';
import { useMe } from '../../../lib/auth/use-me';
import { formatDate } from '../../../lib/format';
import { useDepartmentReports, useReportsToReview } from '../api/report-queries';
import type { StatusReport } from '../utils/report-form';
import { ReportStatus } from './report-parts';
import styles from './status-reports.module.css';
import { statusReportsMessages } from '../messages';

const t = statusReportsMessages;

type ReportList = UseQueryResult<{ items: StatusReport[]; total: number }>;

/**
 * Mina rapporter: for a department that writes reports, what is due in open rounds for the initiatives it leads or
 * co-owns; for leadership, the submitted reports to review. What the person may do comes from /me, not their role.
 */
export function MyReportsRoutePage() {
  const me = useMe();
  const mayWrite = useMay('status-reports:write');
  const mayDecide = useMay('status-reports:decide');
  const department = me.data?.department ?? undefined;
  const own = useDepartmentReports(mayWrite.allowed ? department?.id : undefined);
  const toReview = useReportsToReview(mayDecide.allowed);

  return (
    <Page title={t.myReportsTitle} wide>
      <p>{t.list.intro}</p>
      {me.isPending ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          {mayWrite.allowed && (
            <ReportSection
              heading={t.list.mine}
              lead={department ? t.list.mineLead(department.name) : t.list.noDepartment}
              query={department ? own : undefined}
              empty={t.list.mineEmpty}
            />
          )}
          {mayDecide.allowed && (
            <ReportSection
              heading={t.list.review}
              lead={t.list.reviewLead}
              query={toReview}
              empty={t.list.reviewEmpty}
            />
          )}
          {!mayWrite.allowed && !mayDecide.allowed && (
            <p>
              {me.data?.may['status-reports:write']?.reason === 'no_department' ? t.list.noDepartment : t.list.neither}
            </p>
          )}
        </>
      )}
    </Page>
  );
}

function ReportSection({
  heading,
  lead,
  query,
  empty,
}: {
  heading: string;
  lead: string;
  query: ReportList | undefined;
  empty: string;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} aria-busy={query?.isPending || undefined} className={styles.section}>
      <h2 id={headingId}>{heading}</h2>
      <p>{lead}</p>
      {!query ? null : query.isPending ? (
        <p role="status">{t.loading}</p>
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ReportTable caption={t.list.caption(heading, query.data.total)} reports={query.data.items} />
      )}
    </section>
  );
}

function ReportTable({ caption, reports }: { caption: string; reports: StatusReport[] }) {
  const l = t.list;
  return (
    <div className={styles.tableWrapper}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{l.initiative}</th>
            <th scope="col">{l.round}</th>
            <th scope="col">{l.period}</th>
            <th scope="col">{l.dueDate}</th>
            <th scope="col">{l.status}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                <Link to="/rapporter/$id" params={{ id: report.id }}>
                  {report.initiative.code}
                </Link>
                <span className={styles.initiativeTitle}>{report.initiative.title}</span>
              </th>
              <td>{report.round.title}</td>
              <td>{report.round.period}</td>
              <td>{formatDate(report.round.dueDate)}</td>
              <td>
                <ReportStatus report={report} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
