import { Link } from '@tanstack/react-router';
import { LoadError } from '../../../components/load-error';
import type { components } from '../../../lib/api-schema';
import { formatDate, formatMoney } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import {
  useDecisions,
  useEffectLogic,
  useIndicatorSeries,
  useLatestStatusReport,
  useOpenAlerts,
} from '../api/initiative-queries';
import { effectTree, type EffectTreeNode } from '../utils/effect-tree';
import { formatDateTime } from '../../../lib/audit-trail';
import { statusLabel } from '../utils/status-label';
import { indicatorRow, type ProgressKind } from '../utils/indicator-progress';
import { QuerySection, Section } from './section';
import { Shape, type ShapeName } from './shapes';
import factStyles from '../../../components/facts.module.css';
import styles from './initiative.module.css';
import { initiativeMessages } from '../messages';

type Initiative = components['schemas']['InitiativeDto'];

const SEVERITY_SHAPE: Record<string, ShapeName> = { critical: 'diamond', warning: 'triangle', info: 'circle' };
const RAG_SHAPE: Record<string, ShapeName> = { green: 'circle', amber: 'triangle', red: 'square' };
const PROGRESS_SHAPE: Record<ProgressKind, ShapeName> = {
  achieved: 'check',
  towards: 'triangle',
  unchanged: 'dash',
  away: 'cross',
  unknown: 'ring',
};

export function AlertsSection({ initiativeId }: { initiativeId: string }) {
  const alerts = useOpenAlerts(initiativeId);
  const text = initiativeMessages.alerts;
  return (
    <QuerySection name="alerts" query={alerts}>
      {(items) =>
        items.length === 0 ? (
          <p>{text.none}</p>
        ) : (
          <ul className={styles.cards}>
            {items.map((alert) => (
              <li key={alert.id} className={`${styles.card} ${styles[`severity-${alert.severity}`]}`}>
                <p className={styles.badge}>
                  <Shape name={SEVERITY_SHAPE[alert.severity] ?? 'circle'} />
                  <span>
                    <span className="visually-hidden">{text.severity}: </span>
                    {messages.vocabulary.alertSeverity[alert.severity] ?? alert.severity}
                  </span>
                  <span className={styles.muted}>· {messages.vocabulary.alertKind[alert.kind] ?? alert.kind}</span>
                  {alert.status === 'acknowledged' && <span className={styles.muted}>· {text.acknowledged}</span>}
                </p>
                <h3 className={styles.cardHeading}>{alert.title}</h3>
                <p>{alert.detail}</p>
                {alert.dueDate && <p className={styles.muted}>{text.due(formatDate(alert.dueDate))}</p>}
              </li>
            ))}
          </ul>
        )
      }
    </QuerySection>
  );
}

export function StatusReportSection({ initiativeId }: { initiativeId: string }) {
  const latest = useLatestStatusReport(initiativeId);
  const text = initiativeMessages.statusReport;
  return (
    <QuerySection name="statusReport" query={latest}>
      {(data) => {
        if (!data) return <p>{text.none}</p>;
        const report = data;
        return (
          <dl className={factStyles.facts}>
            <div>
              <dt>{text.round}</dt>
              <dd>
                <Link to="/rapporter/$id" params={{ id: report.id }}>
                  {`${report.round.title} (${report.round.period})`}
                </Link>
              </dd>
            </div>
            <div>
              <dt>{text.rag}</dt>
              <dd>
                <span className={`${styles.badge} ${report.ragStatus ? styles[`rag-${report.ragStatus}`] : ''}`}>
                  {report.ragStatus && <Shape name={RAG_SHAPE[report.ragStatus] ?? 'circle'} />}
                  {report.ragStatus ? messages.vocabulary.ragStatus[report.ragStatus] : text.noRag}
                </span>
              </dd>
            </div>
            <div>
              <dt>{text.reportStatus}</dt>
              <dd>
                {text.statusLabel[report.status] ?? report.status}
                {report.submittedAt && `, ${text.submittedAt.toLowerCase()} ${formatDateTime(report.submittedAt)}`}
              </dd>
            </div>
            {report.spendingToDateSek !== null && (
              <div>
                <dt>{text.spending}</dt>
                <dd>{formatMoney(report.spendingToDateSek)}</dd>
              </div>
            )}
            <div className={factStyles.factWide}>
              <dt>{text.progress}</dt>
              <dd>{report.progress ?? text.noProgress}</dd>
            </div>
            <div className={factStyles.factWide}>
              <dt>{text.risks}</dt>
              <dd>{report.risks ?? text.noRisks}</dd>
            </div>
          </dl>
        );
      }}
    </QuerySection>
  );
}

function EffectList({ nodes, ownerId }: { nodes: EffectTreeNode[]; ownerId: string }) {
  const text = initiativeMessages.effectLogic;
  return (
    <ul className={styles.effectList}>
      {nodes.map(({ node, children }) => (
        <li key={node.id}>
          <span className={styles.effectLevel}>{text.level[node.level] ?? node.level}:</span> {node.title}
          {node.owner.id !== ownerId && <span className={styles.muted}> ({text.goalChain(node.owner.code)})</span>}
          {children.length > 0 && <EffectList nodes={children} ownerId={ownerId} />}
        </li>
      ))}
    </ul>
  );
}

/** The effect logic as nested lists: activity → output → outcomes → impact, each step inside the one before. */
export function EffectLogicSection({ initiativeId, code }: { initiativeId: string; code: string }) {
  const graph = useEffectLogic(initiativeId);
  const open = (
    <p>
      <Link to="/insatser/$code/effektlogik" params={{ code }}>
        {initiativeMessages.effectLogic.open}
      </Link>
    </p>
  );
  return (
    <QuerySection name="effectLogic" query={graph}>
      {(data) => {
        const tree = effectTree(data);
        if (tree.length === 0)
          return (
            <>
              <p>{initiativeMessages.effectLogic.none}</p>
              {open}
            </>
          );
        return (
          <>
            <div role="group" aria-label={initiativeMessages.effectLogic.label}>
              <EffectList nodes={tree} ownerId={data.owner.id} />
            </div>
            {open}
          </>
        );
      }}
    </QuerySection>
  );
}

export function IndicatorsSection({ initiative }: { initiative: Initiative }) {
  const ids = initiative.followUpPlan?.indicatorIds ?? [];
  const series = useIndicatorSeries(ids);
  const text = initiativeMessages.indicators;
  const failed = series.find((query) => query.isError);
  const pending = series.some((query) => query.isPending);
  return (
    <Section name="indicators" busy={pending}>
      <p>
        <Link to="/indikatorer">{text.open}</Link>
      </p>
      {ids.length === 0 ? (
        <p>{text.none}</p>
      ) : failed ? (
        <LoadError
          error={failed.error}
          onRetry={() => series.forEach((query) => query.isError && void query.refetch())}
        />
      ) : pending ? (
        <p className={styles.muted}>{initiativeMessages.sectionLoading}</p>
      ) : (
        <div className={styles.tableScroll}>
          <table className={styles.table}>
            <caption>{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.indicator}</th>
                <th scope="col">{text.baseline}</th>
                <th scope="col">{text.latest}</th>
                <th scope="col">{text.target}</th>
                <th scope="col">{text.progress}</th>
              </tr>
            </thead>
            <tbody>
              {series.map((query) => {
                const row = indicatorRow(query.data!);
                return (
                  <tr key={row.id}>
                    <th scope="row">
                      {row.name}
                      <div className={styles.muted}>
                        {row.code} · {row.better}
                      </div>
                    </th>
                    <td>{row.baseline}</td>
                    <td>{row.latest}</td>
                    <td>{row.target}</td>
                    <td>
                      <span className={`${styles.badge} ${styles[`progress-${row.progress.kind}`]}`}>
                        <Shape name={PROGRESS_SHAPE[row.progress.kind]} /> {row.progress.text}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

export function DecisionsSection({ initiativeId }: { initiativeId: string }) {
  const decisions = useDecisions(initiativeId);
  const text = initiativeMessages.decisions;
  return (
    <QuerySection name="decisions" query={decisions}>
      {(page) =>
        page.items.length === 0 ? (
          <p>{text.none}</p>
        ) : (
          <div className={styles.tableScroll}>
            <table className={styles.table}>
              <caption>{text.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.meeting}</th>
                  <th scope="col">{text.decision}</th>
                  <th scope="col">{text.rationale}</th>
                  <th scope="col">{text.statusChange}</th>
                  <th scope="col">{text.followUp}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((decision) => (
                  <tr key={decision.id}>
                    <th scope="row">
                      {decision.reviewTitle}
                      <div className={styles.muted}>{formatDate(decision.meetingDate)}</div>
                    </th>
                    <td>{text.decisionLabel[decision.decision] ?? decision.decision}</td>
                    <td>{decision.rationale}</td>
                    <td>
                      {decision.fromStatus && decision.toStatus
                        ? text.statusChangeText(statusLabel(decision.fromStatus), statusLabel(decision.toStatus))
                        : text.noStatusChange}
                    </td>
                    <td>{decision.followUpDate ? formatDate(decision.followUpDate) : text.noFollowUp}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QuerySection>
  );
}
