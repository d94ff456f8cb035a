import { Announcement } from '../../../components/announcement';
import buttons from '../../../components/buttons.module.css';
import { LoadError } from '../../../components/load-error';
import { useDepartments, type Department } from '../api/departments';
import { useFormPanel } from '../hooks/use-form-panel';
import { inTreeOrder } from '../utils/departments';
import { administrationMessages } from '../messages';
import { AdminScreen } from './admin-screen';
import { AdminTable } from './admin-table';
import styles from './administration.module.css';
import { DepartmentForm } from './department-form';

const t = administrationMessages.departments;
const INDENT = [undefined, styles.indent1, styles.indent2];
const ADD_BUTTON_ID = 'lagg-till-enhet';
const editButtonId = (id: string) => `andra-${id}`;

/** /admin/forvaltningar: the organisation's units with their kinds and parents; add one, change one. */
export function DepartmentsPage() {
  return (
    <AdminScreen title={t.title} permission="reference-data:write" mayNot={t.mayNot} wide>
      <Departments />
    </AdminScreen>
  );
}

function Departments() {
  const departments = useDepartments();
  const { editing, open, close, announcement, announcementRef } = useFormPanel<Department>();
  const opener = editing.kind === 'edit' ? editButtonId(editing.item.id) : ADD_BUTTON_ID;

  if (departments.isPending) return <p role="status">{administrationMessages.loading}</p>;
  if (departments.isError)
    return <LoadError error={departments.error} message={t.error} onRetry={() => void departments.refetch()} />;
  const all = departments.data.items;
  return (
    <>
      <p>{t.intro}</p>
      <Announcement text={announcement} ref={announcementRef} />
      {editing.kind === 'none' ? (
        <button type="button" id={ADD_BUTTON_ID} className={buttons.button} onClick={() => open({ kind: 'new' })}>
          {t.add}
        </button>
      ) : (
        <DepartmentForm
          key={editing.kind === 'edit' ? editing.item.id : 'ny'}
          department={editing.kind === 'edit' ? editing.item : null}
          departments={all}
          onDone={(saved) => close(editing.kind === 'edit' ? t.saved(saved.name) : t.added(saved.name), opener)}
          onCancel={() => close(null, opener)}
        />
      )}
      <p>{t.count(departments.data.total)}</p>
      <AdminTable
        caption={t.caption}
        columns={[t.column.code, t.column.name, t.column.kind, t.column.parent, t.column.headEmail, t.column.actions]}
      >
        {inTreeOrder(all).map(({ department, depth }) => (
          <tr key={department.id}>
            <td>{department.code}</td>
            <th scope="row" className={INDENT[Math.min(depth, INDENT.length - 1)]}>
              {department.name}
            </th>
            <td>{t.kind[department.kind]}</td>
            <td>{all.find((d) => d.id === department.parentId)?.name ?? t.none}</td>
            <td>{department.headEmail ?? t.none}</td>
            <td>
              <button
                type="button"
                id={editButtonId(department.id)}
                className={buttons.outlined}
                aria-label={t.editLabel(department.name)}
                onClick={() => open({ kind: 'edit', item: department })}
              >
                {t.edit}
              </button>
            </td>
          </tr>
        ))}
      </AdminTable>
    </>
  );
}
