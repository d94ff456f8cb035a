import { useRef, useState } from 'react';
import { Announcement } from '../../../components/announcement';
import buttons from '../../../components/buttons.module.css';
import factStyles from '../../../components/facts.module.css';
import { LoadError } from '../../../components/load-error';
import {
  useDeleteWebhookSubscription,
  useSetWebhookStatus,
  useWebhookSubscriptions,
  type WebhookSubscription,
} from '../api/webhooks';
import { focusAfterDialog } from '../hooks/focus-after-dialog';
import { useFormPanel } from '../hooks/use-form-panel';
import { refusalOf } from '../utils/webhooks';
import { administrationMessages } from '../messages';
import { AdminScreen } from './admin-screen';
import styles from './administration.module.css';
import { ConfirmApiStep } from './confirm-dialog';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookForm } from './webhook-form';

const t = administrationMessages.webhooks;
const ADD_BUTTON_ID = 'lagg-till-prenumeration';

/** /admin/webhooks: the receivers subscribed to Samla's events, their deliveries, and sending one again. */
export function WebhooksPage() {
  return (
    <AdminScreen title={t.title} permission="webhooks:manage" mayNot={t.mayNot} wide>
      <Webhooks />
    </AdminScreen>
  );
}

function Webhooks() {
  const subscriptions = useWebhookSubscriptions();
  const { editing, open, close, announcement, announcementRef } = useFormPanel<never>();
  const [said, setSaid] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <p>{t.intro}</p>
      <Announcement text={said || announcement} ref={announcementRef} />
      {editing.kind === 'none' ? (
        <button
          type="button"
          id={ADD_BUTTON_ID}
          className={buttons.button}
          onClick={() => {
            setSaid('');
            open({ kind: 'new' });
          }}
        >
          {t.add}
        </button>
      ) : (
        <WebhookForm
          onDone={(saved) => close(t.added(saved.url), ADD_BUTTON_ID)}
          onCancel={() => close(null, ADD_BUTTON_ID)}
        />
      )}
      <section aria-labelledby="prenumerationer" className={styles.section}>
        <h2 id="prenumerationer" ref={listHeading} tabIndex={-1}>
          {t.listHeading}
        </h2>
        {subscriptions.isPending ? (
          <p role="status">{administrationMessages.loading}</p>
        ) : subscriptions.isError ? (
          <LoadError error={subscriptions.error} message={t.error} onRetry={() => void subscriptions.refetch()} />
        ) : subscriptions.data.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <ul className={styles.plain}>
            {subscriptions.data.map((subscription) => (
              <li key={subscription.id}>
                <SubscriptionCard
                  subscription={subscription}
                  onSay={setSaid}
                  onRemoved={() => {
                    setSaid(t.removed(subscription.url));
                    focusAfterDialog(() => listHeading.current);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function SubscriptionCard({
  subscription,
  onSay,
  onRemoved,
}: {
  subscription: WebhookSubscription;
  onSay: (text: string) => void;
  onRemoved: () => void;
}) {
  const [showDeliveries, setShowDeliveries] = useState(false);
  const setStatus = useSetWebhookStatus();
  const remove = useDeleteWebhookSubscription();
  const { url, status } = subscription;
  const headingId = `prenumeration-${subscription.id}`;
  const deliveriesId = `leveranser-${subscription.id}`;
  const toggleStatus = () => {
    if (setStatus.isPending) return;
    const next = status === 'active' ? 'paused' : 'active';
    setStatus.mutate(
      { subscription, status: next },
      {
        onSuccess: () => onSay(next === 'paused' ? t.paused(url) : t.resumed(url)),
        onError: (error) => onSay(refusalOf(error)),
      },
    );
  };
  return (
    <article aria-labelledby={headingId} className={`${styles.section} ${styles.panel}`}>
      <h3 id={headingId}>{url}</h3>
      <dl className={factStyles.facts}>
        <div>
          <dt>{t.fact.status}</dt>
          <dd>{t.status[status]}</dd>
        </div>
        <div>
          <dt>{t.fact.events}</dt>
          <dd>{subscription.events.map((event) => t.eventType[event]).join(', ')}</dd>
        </div>
        <div>
          <dt>{t.fact.failures}</dt>
          <dd>{subscription.consecutiveFailures}</dd>
        </div>
        <div>
          <dt>{t.fact.owner}</dt>
          <dd>{subscription.ownerEmail ?? t.none}</dd>
        </div>
      </dl>
      <div className={styles.paging}>
        <button
          type="button"
          className={buttons.outlined}
          aria-expanded={showDeliveries}
          aria-controls={deliveriesId}
          onClick={() => setShowDeliveries(!showDeliveries)}
        >
          {showDeliveries ? t.hideDeliveries : t.showDeliveries}
        </button>
        <button
          type="button"
          className={buttons.outlined}
          aria-label={status === 'active' ? t.pauseLabel(url) : t.resumeLabel(url)}
          onClick={toggleStatus}
        >
          {status === 'active' ? t.pause : t.resume}
        </button>
        <ConfirmApiStep
          trigger={{ label: t.remove, ariaLabel: t.removeLabel(url) }}
          texts={{
            title: t.removeTitle,
            body: t.removeBody(url),
            confirm: t.removeConfirm,
            pending: t.removing,
            cancel: t.cancel,
            failed: t.refused,
          }}
          onConfirm={() => remove.mutateAsync(subscription.id)}
          onDone={onRemoved}
        />
      </div>
      <div id={deliveriesId}>
        {showDeliveries ? <WebhookDeliveries subscription={subscription} onSay={onSay} /> : null}
      </div>
    </article>
  );
}
