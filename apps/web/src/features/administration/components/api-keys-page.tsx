import { useEffect, useRef, useState } from 'react';
import { Announcement } from '../../../components/announcement';
import buttons from '../../../components/buttons.module.css';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { CheckboxGroupField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { LoadError } from '../../../components/load-error';
import { formatDay } from '../../../lib/format';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, type ApiKey, type ApiKeyScope } from '../api/api-keys';
import { focusAfterDialog } from '../hooks/focus-after-dialog';
import { formatInstant } from '../utils/format-instant';
import { administrationMessages } from '../messages';
import { AdminScreen } from './admin-screen';
import { AdminTable } from './admin-table';
import styles from './administration.module.css';
import { ConfirmApiStep } from './confirm-dialog';

const t = administrationMessages.apiKeys;
const SCOPES = Object.keys(t.scopeLabel) as ApiKeyScope[];
const SCOPE_OPTIONS = SCOPES.map((id) => ({ id, label: t.scopeLabel[id] }));

/** /admin/nycklar: the API keys of other systems. */
export function ApiKeysPage() {
  return (
    <AdminScreen title={t.title} permission="access:manage" mayNot={t.mayNot} wide>
      <ApiKeys />
    </AdminScreen>
  );
}

function ApiKeys() {
  // The new key's secret lives only here, in this page's state: gone when the person leaves or reloads.
  const [created, setCreated] = useState<(ApiKey & { key: string }) | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const keys = useApiKeys();

  const revoked = (key: ApiKey) => {
    setAnnouncement(t.revoked(key.name));
    if (created?.id === key.id) setCreated(null);
    focusAfterDialog(() => listHeading.current);
  };

  return (
    <>
      <p>{t.intro}</p>
      <Announcement text={announcement} ref={announcementRef} />
      {created ? <CreatedKey created={created} onCopied={setAnnouncement} /> : null}
      <CreateForm
        onCreated={(key) => {
          setAnnouncement('');
          setCreated(key);
        }}
      />
      <section aria-labelledby="nycklar" className={styles.section}>
        <h2 id="nycklar" ref={listHeading} tabIndex={-1}>
          {t.listHeading}
        </h2>
        {keys.isPending ? (
          <p role="status">{administrationMessages.loading}</p>
        ) : keys.isError ? (
          <LoadError error={keys.error} message={t.error} onRetry={() => void keys.refetch()} />
        ) : keys.data.items.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <>
            <p>{t.count(keys.data.total)}</p>
            <KeyTable keys={keys.data.items} onRevoked={revoked} />
          </>
        )}
      </section>
    </>
  );
}

function CreateForm({ onCreated }: { onCreated: (key: ApiKey & { key: string }) => void }) {
  const create = useCreateApiKey();
  const { form, problem, submitWith } = useApiForm<{ name: string; scopes: ApiKeyScope[] }>({
    defaultValues: { name: '', scopes: [] },
    fields: ['name', 'scopes'],
  });
  const send = submitWith(async (values) => {
    if (create.isPending) return;
    const key = await create.mutateAsync(values);
    form.reset();
    onCreated(key);
  });
  return (
    <section aria-labelledby="skapa-nyckel" className={`${styles.section} ${styles.panel}`}>
      <h2 id="skapa-nyckel">{t.createHeading}</h2>
      <form onSubmit={send} noValidate>
        <ErrorSummary problem={problem} labels={{ name: t.name, scopes: t.scopes }} />
        <TextField
          control={form.control}
          name="name"
          label={t.name}
          description={t.nameHelp}
          isRequired
          rules={REQUIRED}
        />
        <CheckboxGroupField
          control={form.control}
          name="scopes"
          label={t.scopes}
          description={t.scopesHelp}
          isRequired
          options={SCOPE_OPTIONS}
        />
        <FormActions>
          <FormButton type="submit">{create.isPending ? t.creating : t.create}</FormButton>
        </FormActions>
      </form>
    </section>
  );
}

/** The secret, this once, with a copy button; focus comes here so the person hears that it is shown only now. */
function CreatedKey({ created, onCopied }: { created: ApiKey & { key: string }; onCopied: (text: string) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [created.id]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      onCopied(t.copied);
    } catch {
      onCopied(t.copyFailed);
    }
  };
  return (
    <section aria-labelledby="ny-nyckel" className={`${styles.section} ${styles.panel}`}>
      <h2 id="ny-nyckel" ref={heading} tabIndex={-1}>
        {t.createdHeading}
      </h2>
      <p>{t.created(created.name)}</p>
      <p id="ny-nyckel-hjalp">{t.secretHelp}</p>
      <div className={styles.secret}>
        <span>{t.secretLabel}:</span>
        <code aria-describedby="ny-nyckel-hjalp">{created.key}</code>
        <button type="button" className={buttons.button} onClick={() => void copy()}>
          {t.copy}
        </button>
      </div>
    </section>
  );
}

function KeyTable({ keys, onRevoked }: { keys: readonly ApiKey[]; onRevoked: (key: ApiKey) => void }) {
  const c = t.column;
  return (
    <AdminTable caption={t.caption} columns={[c.name, c.prefix, c.scopes, c.created, c.lastUsed, c.status, c.actions]}>
      {keys.map((key) => (
        <tr key={key.id}>
          <th scope="row">{key.name}</th>
          <td>
            <code>samla_{key.prefix}_…</code>
          </td>
          <td>
            <ul className={styles.plain}>
              {key.scopes.map((scope) => (
                <li key={scope}>{t.scopeLabel[scope]}</li>
              ))}
            </ul>
          </td>
          <td>{formatDay(key.createdAt)}</td>
          <td>{key.lastUsedAt ? formatInstant(key.lastUsedAt) : t.neverUsed}</td>
          <td>{key.revokedAt ? t.revokedOn(formatDay(key.revokedAt)) : t.active}</td>
          <td>{key.revokedAt ? null : <RevokeButton apiKey={key} onRevoked={() => onRevoked(key)} />}</td>
        </tr>
      ))}
    </AdminTable>
  );
}

/** "Återkalla": asked first, since a revoked key cannot be used again. */
function RevokeButton({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const revoke = useRevokeApiKey();
  return (
    <ConfirmApiStep
      trigger={{ label: t.revoke, ariaLabel: t.revokeLabel(apiKey.name) }}
      texts={{
        title: t.revokeTitle,
        body: t.revokeBody(apiKey.name),
        confirm: t.revokeConfirm,
        pending: t.revoking,
        cancel: t.cancel,
        failed: t.revokeFailed,
      }}
      onConfirm={() => revoke.mutateAsync(apiKey.id)}
      onDone={onRevoked}
    />
  );
}
