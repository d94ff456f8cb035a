import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { CheckboxGroupField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { useCreateWebhookSubscription, type WebhookEventType, type WebhookSubscription } from '../api/webhooks';
import { administrationMessages } from '../messages';
import styles from './administration.module.css';

const t = administrationMessages.webhooks;
const EVENT_OPTIONS = (Object.keys(t.eventType) as WebhookEventType[]).map((id) => ({ id, label: t.eventType[id] }));
const LABELS = { url: t.url, events: t.events, secret: t.secret, ownerEmail: t.ownerEmail };
type Values = { url: string; events: WebhookEventType[]; secret: string; ownerEmail: string };

/** A new subscription; the API checks the target (no address in the municipality's own network) and says so on the field. */
export function WebhookForm({
  onDone,
  onCancel,
}: {
  onDone: (saved: WebhookSubscription) => void;
  onCancel: () => void;
}) {
  const create = useCreateWebhookSubscription();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { form, problem, submitWith } = useApiForm<Values>({
    defaultValues: { url: '', events: [], secret: '', ownerEmail: '' },
    fields: Object.keys(LABELS),
  });
  const send = submitWith(async ({ ownerEmail, ...values }) => {
    if (create.isPending) return;
    onDone(
      await create.mutateAsync({
        ...values,
        url: values.url.trim(),
        ...(ownerEmail.trim() ? { ownerEmail: ownerEmail.trim() } : {}),
      }),
    );
  });
  return (
    <section aria-labelledby="prenumerationsformular" className={`${styles.section} ${styles.panel}`}>
      <h2 id="prenumerationsformular" ref={heading} tabIndex={-1}>
        {t.addHeading}
      </h2>
      <form onSubmit={send} noValidate>
        <ErrorSummary problem={problem} labels={LABELS} />
        <TextField
          control={form.control}
          name="url"
          label={t.url}
          description={t.urlHelp}
          type="url"
          isRequired
          rules={REQUIRED}
        />
        <CheckboxGroupField
          control={form.control}
          name="events"
          label={t.events}
          description={t.eventsHelp}
          isRequired
          options={EVENT_OPTIONS}
        />
        <TextField
          control={form.control}
          name="secret"
          label={t.secret}
          description={t.secretHelp}
          isRequired
          rules={REQUIRED}
          autoComplete="off"
        />
        <TextField
          control={form.control}
          name="ownerEmail"
          label={t.ownerEmail}
          description={t.ownerEmailHelp}
          type="email"
          autoComplete="off"
        />
        <FormActions>
          <FormButton type="submit">{create.isPending ? t.saving : t.save}</FormButton>
          <FormButton variant="secondary" onPress={onCancel} isDisabled={create.isPending}>
            {t.cancel}
          </FormButton>
        </FormActions>
      </form>
    </section>
  );
}
