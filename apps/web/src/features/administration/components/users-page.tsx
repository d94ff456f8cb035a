import { useRef, useState } from 'react';
import { Announcement } from '../../../components/announcement';
import buttons from '../../../components/buttons.module.css';
import { LoadError } from '../../../components/load-error';
import { formatDay } from '../../../lib/format';
import { useDepartments } from '../api/departments';
import { useUsers, type User } from '../api/users';
import { useFormPanel } from '../hooks/use-form-panel';
import { administrationMessages } from '../messages';
import { AdminScreen } from './admin-screen';
import { AdminTable } from './admin-table';
import styles from './administration.module.css';
import { Paging } from './paging';
import { UserForm } from './user-form';

const t = administrationMessages.users;
const PAGE_SIZE = 50;
const ADD_BUTTON_ID = 'koppla-person';
const editButtonId = (id: string) => `andra-${id}`;
/** A person by name where the mapping has one, else by their id. */
const who = (user: Pick<User, 'name' | 'subject'>) => user.name ?? user.subject;

/** /admin/anvandare: which department each person works for, where their sign-in does not say. */
export function UsersPage() {
  return (
    <AdminScreen title={t.title} permission="access:manage" mayNot={t.mayNot} wide>
      <Users />
    </AdminScreen>
  );
}

function Users() {
  const [offset, setOffset] = useState(0);
  const users = useUsers({ offset, limit: PAGE_SIZE });
  const departments = useDepartments();
  const { editing, open, close, announcement, announcementRef } = useFormPanel<User>();
  const opener = editing.kind === 'edit' ? editButtonId(editing.item.id) : ADD_BUTTON_ID;
  const listHeading = useRef<HTMLHeadingElement>(null);
  const departmentName = (id: string | null) => departments.data?.items.find((d) => d.id === id)?.name ?? t.none;

  if (users.isPending || departments.isPending) return <p role="status">{administrationMessages.loading}</p>;
  if (users.isError || departments.isError)
    return (
      <LoadError
        error={users.error ?? departments.error}
        message={t.error}
        onRetry={() => {
          void users.refetch();
          void departments.refetch();
        }}
      />
    );
  return (
    <>
      <p>{t.intro}</p>
      <Announcement text={announcement} ref={announcementRef} />
      {editing.kind === 'none' ? (
        <button type="button" id={ADD_BUTTON_ID} className={buttons.button} onClick={() => open({ kind: 'new' })}>
          {t.add}
        </button>
      ) : (
        <UserForm
          key={editing.kind === 'edit' ? editing.item.id : 'ny'}
          user={editing.kind === 'edit' ? editing.item : null}
          departments={departments.data.items}
          onDone={(saved) => close(t.saved(who(saved), departmentName(saved.departmentId)), opener)}
          onCancel={() => close(null, opener)}
        />
      )}
      <h2 className={styles.section} ref={listHeading} tabIndex={-1}>
        {t.listHeading}
      </h2>
      {users.data.items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          <p>{t.count(users.data.total)}</p>
          <AdminTable
            caption={t.caption}
            columns={[
              t.column.name,
              t.column.email,
              t.column.subject,
              t.column.department,
              t.column.updated,
              t.column.actions,
            ]}
          >
            {users.data.items.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.name ?? t.none}</th>
                <td>{user.email ?? t.none}</td>
                <td>
                  <code>{user.subject}</code>
                </td>
                <td>{departmentName(user.departmentId)}</td>
                <td>{formatDay(user.updatedAt)}</td>
                <td>
                  <button
                    type="button"
                    id={editButtonId(user.id)}
                    className={buttons.outlined}
                    aria-label={t.editLabel(who(user))}
                    onClick={() => open({ kind: 'edit', item: user })}
                  >
                    {t.edit}
                  </button>
                </td>
              </tr>
            ))}
          </AdminTable>
          <Paging
            label={t.pagination}
            offset={offset}
            limit={PAGE_SIZE}
            total={users.data.total}
            shown={users.data.items.length}
            onGo={(next) => {
              setOffset(next);
              listHeading.current?.focus();
            }}
          />
        </>
      )}
    </>
  );
}
