import { getRouteApi, Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { Page } from '../../../components/layout/page';
import { SeverityBadge } from '../../../components/badges';
import { ApiProblemError } from '../../../lib/api-client';
import { formatDate, formatMoney } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import { summaryFor } from '../../../lib/problem';
import { useAlertMove, useAlerts, type Alert } from '../api/use-alerts';
import { mayHandle, useAlertViewer, type AlertViewer } from '../api/use-viewer';
import { splitByDepartment } from '../utils/sort-alerts';
import { AlertFilters } from './alert-filters';
import { DismissDialog } from './dismiss-dialog';
import styles from './alerts.module.css';
import { alertsMessages } from '../messages';

const t = alertsMessages;
const route = getRouteApi('/larm');

/** A refused move in Swedish: what it means for an alert, else what the status means; and the error id to quote. */
export function refusalMessage(error: unknown): string {
  const problem = error instanceof ApiProblemError ? error.problem : undefined;
  const status = problem?.status ?? 0;
  const text = t.refused[status] ?? summaryFor(status);
  return problem?.errorId ? `${text} ${messages.problem.errorId(problem.errorId)}` : text;
}

/** Larm: the person's department's alerts first, then the rest; filters in the URL; acknowledge and dismiss. */
export function AlertsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const viewer = useAlertViewer();
  const alerts = useAlerts(search);
  const move = useAlertMove();
  const [announcement, setAnnouncement] = useState('');
  const [refusal, setRefusal] = useState<string | undefined>();
  const listHeading = useRef<HTMLHeadingElement>(null);

  // After a move the list is read again and the alert may leave it: focus goes back to the top of the list. A dialog
  // that was open restores focus to its trigger a frame after it closes (and the trigger may be gone with its alert),
  // so the list's heading takes focus once no dialog is left, a frame after that.
  const backToList = () => {
    const attempt = (frames: number) =>
      requestAnimationFrame(() => {
        if (frames > 0 && document.querySelector('[role="dialog"]')) return void attempt(frames - 1);
        requestAnimationFrame(() => listHeading.current?.focus());
      });
    attempt(60);
  };
  const refused = (error: unknown) => {
    setAnnouncement('');
    setRefusal(refusalMessage(error));
    backToList();
  };
  const acknowledge = (alert: Alert) => {
    setRefusal(undefined);
    move.mutate(
      { id: alert.id, move: 'acknowledge' },
      {
        onSuccess: () => {
          setAnnouncement(t.acknowledged(alert.title));
          backToList();
        },
        onError: refused,
      },
    );
  };
  const dismiss = async (alert: Alert, reason: string) => {
    setRefusal(undefined);
    await move.mutateAsync({ id: alert.id, move: 'dismiss', reason });
    setAnnouncement(t.dismissed(alert.title));
    backToList();
  };

  const ownDepartment = search.departmentId === undefined ? viewer.department : null;
  const { own, others } = splitByDepartment(alerts.data?.items ?? [], ownDepartment?.id);

  return (
    <Page title={messages.nav.alerts} wide>
      <p>{t.intro}</p>
      {viewer.refusal ? <p className={styles.notice}>{t.mayNot[viewer.refusal]}</p> : null}
      <AlertFilters search={search} onChange={(next) => void navigate({ search: next, replace: true })} />

      <p role="status" className={styles.announcement}>
        {announcement}
      </p>
      <div role="alert" className={refusal ? styles.refusal : undefined}>
        {refusal ? <p>{refusal}</p> : null}
      </div>

      {alerts.isPending ? (
        <p role="status">{t.loading}</p>
      ) : alerts.isError ? (
        <div role="alert" className={styles.refusal}>
          <p>
            <strong>{t.error}</strong>{' '}
            {summaryFor(alerts.error instanceof ApiProblemError ? alerts.error.problem.status : 0)}
          </p>
          <Button className={styles.secondaryButton} onPress={() => void alerts.refetch()}>
            {t.retry}
          </Button>
        </div>
      ) : (
        <>
          <p className={styles.count}>{t.count(alerts.data.items.length, alerts.data.total)}</p>
          {ownDepartment ? (
            <AlertSection
              id="larm-egna"
              headingRef={listHeading}
              heading={t.ownHeading(ownDepartment.name)}
              alerts={own}
              empty={t.emptyOwn}
              viewer={viewer}
              pending={move.isPending}
              onAcknowledge={acknowledge}
              onDismiss={dismiss}
              onRefused={refused}
            />
          ) : null}
          <AlertSection
            id="larm-ovriga"
            headingRef={ownDepartment ? undefined : listHeading}
            heading={ownDepartment ? t.othersHeading : t.allHeading}
            note={!viewer.refusal && !viewer.reachesAll && ownDepartment ? t.mayNot.otherDepartments : undefined}
            alerts={others}
            empty={t.empty}
            viewer={viewer}
            pending={move.isPending}
            onAcknowledge={acknowledge}
            onDismiss={dismiss}
            onRefused={refused}
          />
        </>
      )}
    </Page>
  );
}

type SectionProps = {
  id: string;
  heading: string;
  headingRef?: React.Ref<HTMLHeadingElement>;
  note?: string;
  alerts: Alert[];
  empty: string;
  viewer: AlertViewer;
  pending: boolean;
  onAcknowledge: (alert: Alert) => void;
  onDismiss: (alert: Alert, reason: string) => Promise<unknown>;
  onRefused: (error: unknown) => void;
};

function AlertSection({
  id,
  heading,
  headingRef,
  note,
  alerts,
  empty,
  viewer,
  pending,
  onAcknowledge,
  onDismiss,
  onRefused,
}: SectionProps) {
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id} ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      {note && alerts.length > 0 ? <p className={styles.notice}>{note}</p> : null}
      {alerts.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className={styles.list}>
          {alerts.map((alert) => (
            <li key={alert.id}>
              <AlertItem
                alert={alert}
                may={mayHandle(viewer, alert)}
                pending={pending}
                onAcknowledge={onAcknowledge}
                onDismiss={onDismiss}
                onRefused={onRefused}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AlertItem({
  alert,
  may,
  pending,
  onAcknowledge,
  onDismiss,
  onRefused,
}: {
  alert: Alert;
  may: boolean;
  pending: boolean;
  onAcknowledge: (alert: Alert) => void;
  onDismiss: (alert: Alert, reason: string) => Promise<unknown>;
  onRefused: (error: unknown) => void;
}) {
  const headingId = `larm-${alert.id}`;
  // Which moves the alert's status still allows (acknowledge an open one; dismiss one open or acknowledged): the API
  // decides, this only leaves out buttons that could not succeed.
  const canAcknowledge = may && alert.status === 'open';
  const canDismiss = may && (alert.status === 'open' || alert.status === 'acknowledged');
  return (
    <article
      aria-labelledby={headingId}
      className={`${styles.alert} ${styles[alert.severity]}`}
      data-alert-id={alert.id}
    >
      <div className={styles.alertHeader}>
        <SeverityBadge severity={alert.severity} />
        <span className={styles.kind}>{messages.vocabulary.alertKind[alert.kind]}</span>
      </div>
      <h3 id={headingId} className={styles.alertTitle}>
        {alert.title}
      </h3>
      <dl className={styles.facts}>
        <div>
          <dt>{t.initiative}</dt>
          <dd>
            {alert.initiativeCode ? (
              <Link to="/insatser/$code" params={{ code: alert.initiativeCode }}>
                {alert.initiativeTitle ?? alert.initiativeCode}
              </Link>
            ) : (
              t.noInitiative
            )}
          </dd>
        </div>
        <div>
          <dt>{t.department}</dt>
          <dd>{alert.departmentName ?? t.none}</dd>
        </div>
        <div>
          <dt>{t.dueDate}</dt>
          <dd>{alert.dueDate ? formatDate(alert.dueDate) : t.none}</dd>
        </div>
        <div>
          <dt>{t.amount}</dt>
          <dd>{alert.amountSek === null ? t.none : formatMoney(alert.amountSek)}</dd>
        </div>
        <div>
          <dt>{t.statusLabel}</dt>
          <dd>{messages.vocabulary.alertStatus[alert.status]}</dd>
        </div>
      </dl>
      <p className={styles.detail}>{alert.detail}</p>
      {alert.status === 'dismissed' && alert.dismissReason ? (
        <p className={styles.detail}>
          {t.dismissedBecause}: {alert.dismissReason}
        </p>
      ) : null}
      {canAcknowledge || canDismiss ? (
        <div className={styles.actions}>
          {canAcknowledge ? (
            <Button
              className={styles.primaryButton}
              aria-label={t.acknowledgeLabel(alert.title)}
              isDisabled={pending}
              onPress={() => onAcknowledge(alert)}
            >
              {t.acknowledge}
            </Button>
          ) : null}
          {canDismiss ? (
            <DismissDialog alert={alert} onDismiss={(reason) => onDismiss(alert, reason)} onRefused={onRefused} />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
