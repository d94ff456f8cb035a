import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { RagBadge, StatusBadge } from '../../../components/badges';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import { ApiProblemError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/audit-trail';
import { formatDate, formatMoney } from '../../../lib/format';
import { messages, type InitiativeStatusKey } from '../../../lib/messages';
import {
  initiativeQuery,
  useInitiativeDecisions,
  useInitiativeHistory,
  useInitiativeReports,
  useReferenceNames,
} from '../api/audit-queries';
import { PAGE_SIZE } from '../utils/audit-search';
import { auditTrailPageMessages } from '../messages';
import { AuditEventList } from './audit-event-list';
import styles from './audit-trail.module.css';

const t = auditTrailPageMessages.history;
const route = getRouteApi('/granskning/insatser/$code');
const vocabulary = messages.vocabulary as unknown as Record<string, Record<string, string>>;
const status = (value: string | null) =>
  value ? (messages.initiativeStatus[value as InitiativeStatusKey] ?? value) : t.none;

/** An initiative's full history for an auditor: its facts, the leadership group's decisions, its reports and every change. */
export function InitiativeAuditPage() {
  const { code } = route.useParams();
  const initiative = useQuery(initiativeQuery(code));
  if (initiative.isPending) {
    return (
      <Page title={t.title(code)}>
        <p role="status">{t.loading}</p>
      </Page>
    );
  }
  if (initiative.isError) {
    const status = initiative.error instanceof ApiProblemError ? initiative.error.problem.status : 0;
    return (
      <Page title={t.title(code)}>
        {status === 404 || status === 400 ? (
          <p>{t.notFound(code)}</p>
        ) : (
          <LoadError error={initiative.error} message={t.error} onRetry={() => void initiative.refetch()} />
        )}
        <p>
          <Link to="/granskning">{t.back}</Link>
        </p>
      </Page>
    );
  }
  const data = initiative.data;
  return (
    <Page title={t.title(data.code)} wide>
      <p>{t.lead}</p>
      <nav aria-label={t.links}>
        <ul className={styles.eventLinks}>
          <li>
            <Link to="/granskning" search={{ initiative: data.code }}>
              {t.searchTrail}
            </Link>
          </li>
          <li>
            <Link to="/insatser/$code" params={{ code: data.code }}>
              {t.initiativePage}
            </Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="granskning-fakta" className={styles.section}>
        <h2 id="granskning-fakta">{t.facts}</h2>
        <dl className={styles.eventFacts}>
          <div>
            <dt>{t.name}</dt>
            <dd>{data.title}</dd>
          </div>
          <div>
            <dt>{t.code}</dt>
            <dd>{data.code}</dd>
          </div>
          <div>
            <dt>{t.status}</dt>
            <dd>
              <StatusBadge status={data.status} />
            </dd>
          </div>
          <div>
            <dt>{t.leadDepartment}</dt>
            <dd>{data.leadDepartmentName ?? t.missing}</dd>
          </div>
          <div>
            <dt>{t.period}</dt>
            <dd>
              {data.startDate
                ? t.periodText(formatDate(data.startDate), data.endDate ? formatDate(data.endDate) : t.open)
                : t.missing}
            </dd>
          </div>
          <div>
            <dt>{t.annualCost}</dt>
            <dd>
              {data.annualCostSek === null || data.annualCostSek === undefined
                ? t.missing
                : formatMoney(data.annualCostSek)}
            </dd>
          </div>
        </dl>
      </section>
      <Decisions id={data.id} />
      <Reports id={data.id} />
      <Changes id={data.id} />
    </Page>
  );
}

function Decisions({ id }: { id: string }) {
  const decisions = useInitiativeDecisions(id);
  return (
    <section aria-labelledby="granskning-beslut" className={styles.section}>
      <h2 id="granskning-beslut">{t.decisions}</h2>
      {decisions.isPending ? (
        <p role="status">{t.loadingPart}</p>
      ) : decisions.isError ? (
        <LoadError error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : decisions.data.items.length === 0 ? (
        <p>{t.noDecisions}</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <caption>{t.decisionsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.meeting}</th>
                <th scope="col">{t.decision}</th>
                <th scope="col">{t.rationale}</th>
                <th scope="col">{t.followUp}</th>
                <th scope="col">{t.statusChange}</th>
              </tr>
            </thead>
            <tbody>
              {decisions.data.items.map((decision) => (
                <tr key={decision.id}>
                  <th scope="row">
                    {decision.reviewTitle}, {formatDate(decision.meetingDate)}
                  </th>
                  <td>{vocabulary.portfolioDecision![decision.decision] ?? decision.decision}</td>
                  <td>{decision.rationale}</td>
                  <td>{decision.followUpDate ? formatDate(decision.followUpDate) : t.none}</td>
                  <td>
                    {decision.toStatus
                      ? t.statusChangeText(status(decision.fromStatus), status(decision.toStatus))
                      : t.none}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Reports({ id }: { id: string }) {
  const reports = useInitiativeReports(id);
  return (
    <section aria-labelledby="granskning-rapporter" className={styles.section}>
      <h2 id="granskning-rapporter">{t.reports}</h2>
      {reports.isPending ? (
        <p role="status">{t.loadingPart}</p>
      ) : reports.isError ? (
        <LoadError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : reports.data.length === 0 ? (
        <p>{t.noReports}</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <caption>{t.reportsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.round}</th>
                <th scope="col">{t.reportStatus}</th>
                <th scope="col">{t.rag}</th>
                <th scope="col">{t.submitted}</th>
                <th scope="col">{t.decided}</th>
                <th scope="col">{t.returnComment}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.map(({ report, round }) => {
                const roundName = round ? `${round.title} (${round.period})` : report.roundId;
                return (
                  <tr key={report.id}>
                    <th scope="row">
                      <Link to="/rapporter/$id" params={{ id: report.id }} aria-label={t.openReport(roundName)}>
                        {roundName}
                      </Link>
                    </th>
                    <td>{vocabulary.reportStatus![report.status] ?? report.status}</td>
                    <td>{report.ragStatus ? <RagBadge rag={report.ragStatus} /> : t.none}</td>
                    <td>
                      {report.submittedAt
                        ? `${formatDateTime(report.submittedAt)}${report.submittedBy ? `, ${report.submittedBy}` : ''}`
                        : t.none}
                    </td>
                    <td>
                      {report.decidedAt
                        ? `${formatDateTime(report.decidedAt)}${report.decidedBy ? `, ${report.decidedBy}` : ''}`
                        : t.none}
                    </td>
                    <td>{report.returnComment ?? t.none}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Changes({ id }: { id: string }) {
  const search = route.useSearch();
  const offset = search.offset ?? 0;
  const history = useInitiativeHistory(id, { limit: PAGE_SIZE, offset });
  const name = useReferenceNames();
  const text = auditTrailPageMessages;
  return (
    <section aria-labelledby="granskning-andringar" aria-busy={history.isFetching} className={styles.section}>
      <h2 id="granskning-andringar" tabIndex={-1}>
        {t.changes}
      </h2>
      {history.isPending ? (
        <p role="status">{t.loadingPart}</p>
      ) : history.isError ? (
        <LoadError error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <p role="status">{text.count(offset + 1, offset + history.data.items.length, history.data.total)}</p>
          <AuditEventList events={history.data.items} name={name} linkInitiative={false} />
          {history.data.total > PAGE_SIZE ? (
            <nav aria-label={text.pager.label} className={styles.pager}>
              {offset > 0 ? (
                <Link
                  from="/granskning/insatser/$code"
                  search={{ offset: Math.max(0, offset - PAGE_SIZE) || undefined }}
                  className={styles.outlined}
                >
                  {text.pager.newer}
                </Link>
              ) : null}
              {offset + PAGE_SIZE < history.data.total ? (
                <Link
                  from="/granskning/insatser/$code"
                  search={{ offset: offset + PAGE_SIZE }}
                  className={styles.outlined}
                >
                  {text.pager.older}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
