import { getRouteApi, Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { LoadError } from '../../../components/load-error';
import { Announcement } from '../../../components/announcement';
import { RagBadge } from '../../../components/badges';
import { Page } from '../../../components/layout/page';
import { useMay } from '../../../lib/auth/use-may';
import { ApiProblemError } from '../../../lib/api-client';
import { formatDate, formatDay, formatMoney } from '../../../lib/format';
import { useReport, useReportInitiative } from '../api/report-queries';
import { isEditable, type StatusReport } from '../utils/report-form';
import { DecidePanel, decisionRefusal } from './decide-panel';
import { IndicatorTables } from './indicator-tables';
import { ReportStatus } from './report-parts';
import { ReportForm } from './report-form';
import factStyles from '../../../components/facts.module.css';
import styles from './status-reports.module.css';
import { statusReportsMessages } from '../messages';

const t = statusReportsMessages;
const route = getRouteApi('/rapporter/$id');

/** One status report: written, saved and submitted by its department; approved or returned by leadership. */
export function ReportRoutePage() {
  const { id } = route.useParams();
  const report = useReport(id);
  if (report.isPending) {
    return (
      <Page title={t.reportTitle}>
        <p role="status">{t.loadingOne}</p>
      </Page>
    );
  }
  if (report.isError) {
    const status = report.error instanceof ApiProblemError ? report.error.problem.status : 0;
    // 400: the address holds no report id at all; 404: no report has it.
    if (status === 404 || status === 400) {
      return (
        <Page title={t.report.notFound}>
          <p>{t.report.notFoundBody}</p>
          <Link to="/rapporter">{t.report.backToList}</Link>
        </Page>
      );
    }
    return (
      <Page title={t.reportTitle}>
        <LoadError error={report.error} onRetry={() => void report.refetch()} />
      </Page>
    );
  }
  return <ReportView report={report.data} />;
}

function ReportView({ report }: { report: StatusReport }) {
  const initiative = useReportInitiative(report.initiative.code);
  const owners = initiative.data
    ? [
        initiative.data.leadDepartmentId,
        ...(initiative.data.participants ?? []).filter((p) => p.role === 'co_owner').map((p) => p.departmentId),
      ]
    : [];
  const mayWrite = useMay('status-reports:write', { departmentIds: owners });
  const mayDecide = useMay('status-reports:decide');
  const [announcement, setAnnouncement] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const refusalRef = useRef<HTMLParagraphElement>(null);
  const focusSoon = (ref: React.RefObject<HTMLElement | null>) =>
    requestAnimationFrame(() => requestAnimationFrame(() => ref.current?.focus()));
  // After a submit or a decision the buttons pressed are gone: focus goes to what happened, which is also announced.
  // Two frames: after react-aria has put focus back where a closing dialog was opened from.
  const done = (message: string, moveFocus: boolean) => {
    setRefusal(null);
    setAnnouncement(message);
    if (moveFocus) focusSoon(announcementRef);
  };
  const refused = (error: unknown) => {
    setAnnouncement('');
    setRefusal(decisionRefusal(error));
    focusSoon(refusalRef);
  };
  const editable = isEditable(report.status);
  const r = t.report;

  return (
    <Page title={t.reportPageTitle(report.initiative.title, report.round.title)} wide>
      <section aria-labelledby="rapport-fakta" className={styles.section}>
        <h2 id="rapport-fakta">{r.facts}</h2>
        <dl className={factStyles.facts}>
          <Fact term={r.initiative}>
            <Link to="/insatser/$code" params={{ code: report.initiative.code }}>
              {report.initiative.code}
            </Link>{' '}
            {report.initiative.title}
          </Fact>
          <Fact term={r.round}>{report.round.title}</Fact>
          <Fact term={r.period}>{report.round.period}</Fact>
          <Fact term={r.dueDate}>{formatDate(report.round.dueDate)}</Fact>
          <Fact term={r.status}>
            <ReportStatus report={report} />
          </Fact>
          {report.submittedAt && <Fact term={r.submittedAt}>{formatDay(report.submittedAt)}</Fact>}
          {report.decidedAt && <Fact term={r.decidedAt}>{formatDay(report.decidedAt)}</Fact>}
        </dl>
      </section>

      {/* Both live regions stay in the page, so what is put in them later is read out. */}
      <Announcement text={announcement} ref={announcementRef} className={styles.announcement} />
      <div role="alert">
        {refusal && (
          <p ref={refusalRef} tabIndex={-1} className={styles.refusal}>
            {refusal}
          </p>
        )}
      </div>

      {report.status === 'returned' && report.returnComment && (
        <section aria-labelledby="rapport-atersand" className={styles.returned}>
          <h2 id="rapport-atersand">{r.returnedHeading}</h2>
          <p>
            <strong>{r.comment}:</strong> {report.returnComment}
          </p>
          {editable && mayWrite.allowed && <p>{r.returnedLead}</p>}
        </section>
      )}

      <IndicatorTables report={report} />

      {editable && mayWrite.allowed ? (
        <ReportForm report={report} onDone={done} />
      ) : (
        <ReportReadOnly report={report} note={editable && !mayWrite.pending ? t.readOnly.mayNotWrite : undefined} />
      )}

      {report.status === 'submitted' && mayDecide.allowed && (
        <DecidePanel report={report} onDone={(message) => done(message, true)} onRefused={refused} />
      )}
    </Page>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The report as written, for whoever may not (or no longer) change it. */
function ReportReadOnly({ report, note }: { report: StatusReport; note: string | undefined }) {
  const f = t.form;
  return (
    <section aria-labelledby="rapport-innehall" className={styles.section}>
      <h2 id="rapport-innehall">{f.heading}</h2>
      {note && <p className={styles.notice}>{note}</p>}
      <dl className={factStyles.facts}>
        <Fact term={f.rag}>{report.ragStatus ? <RagBadge rag={report.ragStatus} /> : t.readOnly.noRag}</Fact>
        <Fact term={f.spending}>
          {report.spendingToDateSek === null ? t.readOnly.none : formatMoney(report.spendingToDateSek)}
        </Fact>
        <div className={factStyles.factWide}>
          <dt>{f.progress}</dt>
          <dd className={styles.text}>{report.progress ?? t.readOnly.none}</dd>
        </div>
        <div className={factStyles.factWide}>
          <dt>{f.risks}</dt>
          <dd className={styles.text}>{report.risks ?? t.readOnly.none}</dd>
        </div>
      </dl>
    </section>
  );
}
