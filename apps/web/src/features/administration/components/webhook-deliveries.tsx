import { useState } from 'react';
import buttons from '../../../components/buttons.module.css';
import { LoadError } from '../../../components/load-error';
import { useRedeliver, useWebhookDeliveries, type WebhookDelivery, type WebhookSubscription } from '../api/webhooks';
import { formatInstant } from '../utils/format-instant';
import { lastAttemptInWords, refusalOf } from '../utils/webhooks';
import { administrationMessages } from '../messages';
import { AdminTable } from './admin-table';
import { Paging } from './paging';

const t = administrationMessages.webhooks;
const PAGE_SIZE = 10;

/** One subscription's deliveries, newest first, each with how its last attempt went and "Skicka igen". */
export function WebhookDeliveries({
  subscription,
  onSay,
}: {
  subscription: WebhookSubscription;
  onSay: (text: string) => void;
}) {
  const [offset, setOffset] = useState(0);
  const deliveries = useWebhookDeliveries(subscription.id, { offset, limit: PAGE_SIZE });
  const redeliver = useRedeliver();
  const again = (delivery: WebhookDelivery) => {
    if (redeliver.isPending) return;
    redeliver.mutate(
      { id: subscription.id, deliveryId: delivery.id },
      {
        onSuccess: () => onSay(t.redelivered(t.eventType[delivery.eventType])),
        onError: (error) => onSay(refusalOf(error)),
      },
    );
  };
  if (deliveries.isPending) return <p role="status">{administrationMessages.loading}</p>;
  if (deliveries.isError)
    return <LoadError error={deliveries.error} message={t.deliveriesError} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.items.length === 0) return <p>{t.noDeliveries}</p>;
  return (
    <>
      <AdminTable
        caption={t.deliveriesCaption(subscription.url)}
        columns={[
          t.column.event,
          t.column.status,
          t.column.created,
          t.column.delivered,
          t.column.lastAttempt,
          t.column.actions,
        ]}
      >
        {deliveries.data.items.map((delivery) => (
          <tr key={delivery.id}>
            <th scope="row">{t.eventType[delivery.eventType]}</th>
            <td>
              {t.deliveryStatus[delivery.status]} ({t.attempts(delivery.attempts)})
            </td>
            <td>{formatInstant(delivery.createdAt)}</td>
            <td>{delivery.deliveredAt ? formatInstant(delivery.deliveredAt) : t.none}</td>
            <td>{lastAttemptInWords(delivery)}</td>
            <td>
              {delivery.status === 'pending' || subscription.status !== 'active' ? null : (
                <button
                  type="button"
                  className={buttons.outlined}
                  aria-label={t.redeliverLabel(t.eventType[delivery.eventType], formatInstant(delivery.createdAt))}
                  onClick={() => again(delivery)}
                >
                  {t.redeliver}
                </button>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      <Paging
        label={t.deliveriesPagination}
        offset={offset}
        limit={PAGE_SIZE}
        total={deliveries.data.total}
        shown={deliveries.data.items.length}
        onGo={setOffset}
      />
    </>
  );
}
