import { useRef, useState } from 'react';
import { Announcement } from '../../../components/announcement';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { RadioGroupField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { LoadError } from '../../../components/load-error';
import { useAddCodeListItem, useCodeList, type CodeList } from '../api/code-lists';
import { administrationMessages } from '../messages';
import { AdminScreen } from './admin-screen';
import { AdminTable } from './admin-table';
import styles from './administration.module.css';

const t = administrationMessages.codeLists;
const LISTS: readonly CodeList[] = ['targetGroup', 'district'];
const LIST_OPTIONS = LISTS.map((id) => ({ id, label: t.whichOption[id] }));
const LABELS = { list: t.which, code: t.code, name: t.name };
type Values = { list: CodeList | null; code: string; name: string };

/** /admin/malgrupper: the target groups and districts initiatives name, and adding to them. */
export function CodeListsPage() {
  return (
    <AdminScreen title={t.title} permission="reference-data:write" mayNot={t.mayNot} wide>
      <CodeLists />
    </AdminScreen>
  );
}

function CodeLists() {
  const [announcement, setAnnouncement] = useState('');
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const add = useAddCodeListItem();
  const { form, problem, submitWith } = useApiForm<Values>({
    defaultValues: { list: 'targetGroup', code: '', name: '' },
    fields: Object.keys(LABELS),
  });
  // Focus stays in the form for the next one; the status region reads out what was added.
  const send = submitWith(async ({ list, code, name }) => {
    if (add.isPending || !list) return;
    const added = await add.mutateAsync({ list, item: { code: code.trim().toUpperCase(), name } });
    form.reset({ list, code: '', name: '' });
    setAnnouncement(t.added(added.name, t.list[list]));
  });
  return (
    <>
      <p>{t.intro}</p>
      <section aria-labelledby="lagg-till-i-lista" className={`${styles.section} ${styles.panel}`}>
        <h2 id="lagg-till-i-lista">{t.addHeading}</h2>
        <form onSubmit={send} noValidate>
          <ErrorSummary problem={problem} labels={LABELS} />
          <RadioGroupField
            control={form.control}
            name="list"
            label={t.which}
            isRequired
            rules={REQUIRED}
            options={LIST_OPTIONS}
          />
          <TextField
            control={form.control}
            name="code"
            label={t.code}
            description={t.codeHelp}
            isRequired
            rules={REQUIRED}
            autoComplete="off"
          />
          <TextField control={form.control} name="name" label={t.name} isRequired rules={REQUIRED} autoComplete="off" />
          <FormActions>
            <FormButton type="submit">{add.isPending ? t.adding : t.add}</FormButton>
          </FormActions>
        </form>
      </section>
      <Announcement text={announcement} ref={announcementRef} />
      {LISTS.map((list) => (
        <ListSection key={list} list={list} />
      ))}
    </>
  );
}

function ListSection({ list }: { list: CodeList }) {
  const items = useCodeList(list);
  return (
    <section aria-labelledby={`lista-${list}`} className={styles.section}>
      <h2 id={`lista-${list}`}>{t.list[list]}</h2>
      {items.isPending ? (
        <p role="status">{administrationMessages.loading}</p>
      ) : items.isError ? (
        <LoadError error={items.error} message={t.error} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <AdminTable caption={t.caption[list]} columns={[t.column.code, t.column.name]}>
          {items.data.items.map((item) => (
            <tr key={item.id}>
              <td>{item.code}</td>
              <th scope="row">{item.name}</th>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}
