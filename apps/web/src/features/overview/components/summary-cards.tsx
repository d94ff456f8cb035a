import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { SeverityBadge, type Severity } from '../../../components/badges';
import { formatMoney, formatPercent } from '../../../lib/format';
import { messages, type InitiativeStatusKey } from '../../../lib/messages';
import type { PortfolioSummary } from '../api/use-overview';
import { alertLinks, initiativeLinks, type ListLink } from '../utils/list-links';
import styles from './overview.module.css';
import { overviewMessages } from '../messages';

const t = overviewMessages;
const STATUSES = Object.keys(messages.initiativeStatus) as InitiativeStatusKey[];
const SEVERITIES: Severity[] = ['critical', 'warning', 'info'];
const SOURCE_TYPES = [
  'ordinary_budget',
  'state_grant',
  'eu_fund',
  'temporary_appropriation',
  'partner_contribution',
  'foundation',
  'other',
] as const;

function ListLinkTo({ link, children, className }: { link: ListLink; children: ReactNode; className?: string }) {
  return link.to === '/insatser' ? (
    <Link to="/insatser" search={link.search} className={className}>
      {children}
    </Link>
  ) : (
    <Link to="/larm" search={link.search} className={className}>
      {children}
    </Link>
  );
}

/** One row of a card: a label and its figure, together one link to the list filtered by it. */
function Row({ link, label, value }: { link?: ListLink; label: ReactNode; value: string }) {
  const content = (
    <>
      <span className={styles.rowLabel}>{label}</span>
      <span className={styles.rowValue}>{value}</span>
    </>
  );
  return (
    <li>
      {link ? (
        <ListLinkTo link={link} className={styles.row}>
          {content}
        </ListLinkTo>
      ) : (
        <span className={styles.row}>{content}</span>
      )}
    </li>
  );
}

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={styles.card}>
      <h3 id={id} className={styles.cardTitle}>
        {title}
      </h3>
      {children}
    </section>
  );
}

const count = (n: number) => String(n);
const share = (ratio: number | null) => (ratio === null ? t.notApplicable : formatPercent(ratio));

export function SummaryCards({ summary }: { summary: PortfolioSummary }) {
  const { annualCost, openAlerts, followUp } = summary;
  return (
    <div className={styles.cards}>
      <Card id="kort-status" title={t.byStatus}>
        <p className={styles.figure}>
          <ListLinkTo link={initiativeLinks.all()}>{t.allInitiatives(summary.initiatives)}</ListLinkTo>
        </p>
        <ul className={styles.rows}>
          {STATUSES.map((status) => (
            <Row
              key={status}
              link={initiativeLinks.byStatus(status)}
              label={messages.initiativeStatus[status]}
              value={count(summary.byStatus[status] ?? 0)}
            />
          ))}
        </ul>
      </Card>

      <Card id="kort-forvaltning" title={t.byDepartment}>
        <ul className={styles.rows}>
          {summary.byLeadDepartment.map((d) => (
            <Row
              key={d.id ?? 'ingen'}
              link={d.id ? initiativeLinks.byLeadDepartment(d.id) : undefined}
              label={d.name ?? t.noLeadDepartment}
              value={count(d.count)}
            />
          ))}
        </ul>
      </Card>

      <Card id="kort-omrade" title={t.byPriorityArea}>
        <ul className={styles.rows}>
          {summary.byPriorityArea.areas.map((area) => (
            <Row key={area.id} link={initiativeLinks.byGoal(area.id)} label={area.title} value={count(area.count)} />
          ))}
        </ul>
        {summary.byPriorityArea.unlinked > 0 ? (
          <p className={styles.note}>{t.priorityAreaUnlinked(summary.byPriorityArea.unlinked)}</p>
        ) : null}
      </Card>

      <Card id="kort-kostnad" title={t.annualCost}>
        <p className={styles.figure}>
          <span className={styles.figureLabel}>{t.annualCostTotal}</span> {formatMoney(annualCost.totalSek)}
        </p>
        {annualCost.initiativesWithoutAnnualCost > 0 ? (
          <p className={styles.note}>{t.withoutAnnualCost(annualCost.initiativesWithoutAnnualCost)}</p>
        ) : null}
        <h4 className={styles.subheading}>{t.fundedPerYear}</h4>
        <ul className={styles.rows}>
          {SOURCE_TYPES.filter((type) => (annualCost.bySourceType[type] ?? 0) > 0).map((type) => (
            <Row
              key={type}
              link={initiativeLinks.byFundingSourceType(type)}
              label={t.sourceType[type]}
              value={formatMoney(annualCost.bySourceType[type] ?? 0)}
            />
          ))}
        </ul>
        <p className={styles.note}>
          {annualCost.temporaryShare === null
            ? t.noFunding
            : t.temporaryShare(formatPercent(annualCost.temporaryShare), formatMoney(annualCost.temporarySek))}
        </p>
      </Card>

      <Card id="kort-larm" title={t.openAlerts}>
        <p className={styles.figure}>
          <ListLinkTo link={alertLinks.open()}>{t.openAlertsTotal(openAlerts.total)}</ListLinkTo>
        </p>
        <ul className={styles.rows}>
          {SEVERITIES.map((severity) => (
            <Row
              key={severity}
              link={alertLinks.bySeverity(severity)}
              label={<SeverityBadge severity={severity} />}
              value={count(openAlerts.bySeverity[severity] ?? 0)}
            />
          ))}
        </ul>
      </Card>

      <Card id="kort-uppfoljning" title={t.followUp}>
        <p>{t.followUpBase(followUp.initiatives)}</p>
        <ul className={styles.plainList}>
          <li>{t.followUpPlan(share(followUp.followUpPlanShare), followUp.withFollowUpPlan)}</li>
          <li>{t.reportedOnTime(share(followUp.reportedOnTimeShare), followUp.reportedOnTime)}</li>
        </ul>
        <p>
          <ListLinkTo link={initiativeLinks.byStatus('approved', 'active')}>{t.followUpLink}</ListLinkTo>
        </p>
      </Card>
    </div>
  );
}
