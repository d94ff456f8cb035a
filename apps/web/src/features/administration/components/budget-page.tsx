import { Link } from '@tanstack/react-router';
import { Announcement } from '../../../components/announcement';
import buttons from '../../../components/buttons.module.css';
import { LoadError } from '../../../components/load-error';
import { useBudgetDimensions, useChangeDimension, type BudgetDimension } from '../api/budget';
import { focusAfterDialog } from '../hooks/focus-after-dialog';
import { useEntryPanel } from '../hooks/use-entry-panel';
import { administrationMessages } from '../messages';
import { AdminScreen } from './admin-screen';
import { AdminTable } from './admin-table';
import styles from './administration.module.css';
import { BudgetDimensionForm } from './budget-dimension-form';
import { ConfirmApiStep } from './confirm-dialog';

const t = administrationMessages.budget;
const ADD_BUTTON_ID = 'lagg-till-dimension';
const editButtonId = (code: string) => `andra-dimension-${code}`;

/** /admin/budget: the dimensions of the budget system's coding string; add, change or remove one, and on to its codes. */
export function BudgetDimensionsPage() {
  return (
    <AdminScreen title={t.title} permission="budget:write" mayNot={t.mayNot} wide>
      <Dimensions />
    </AdminScreen>
  );
}

function Dimensions() {
  const dimensions = useBudgetDimensions();
  const { editing, open, close, say, reload, announcement, announcementRef } = useEntryPanel<BudgetDimension>(
    async () => (await dimensions.refetch()).data?.dimensions,
    (dimension) => t.gone(dimension.label),
  );
  const opener = editing.kind === 'edit' ? editButtonId(editing.item.entry.code) : ADD_BUTTON_ID;

  if (dimensions.isPending) return <p role="status">{administrationMessages.loading}</p>;
  if (dimensions.isError)
    return <LoadError error={dimensions.error} message={t.error} onRetry={() => void dimensions.refetch()} />;
  const all = dimensions.data.dimensions;
  const c = t.column;
  return (
    <>
      <p>{t.intro}</p>
      <Announcement text={announcement} ref={announcementRef} />
      {editing.kind === 'none' ? (
        <button type="button" id={ADD_BUTTON_ID} className={buttons.button} onClick={() => open({ kind: 'new' })}>
          {t.add}
        </button>
      ) : (
        <BudgetDimensionForm
          key={editing.kind === 'edit' ? `${editing.item.entry.code}-${editing.item.reloads}` : 'ny'}
          dimension={editing.kind === 'edit' ? editing.item.entry : null}
          dimensions={all}
          onDone={(saved) => close(editing.kind === 'edit' ? t.saved(saved.label) : t.added(saved.label), opener)}
          onCancel={() => close(null, opener)}
          stale={{
            title: t.staleTitle,
            body: t.staleBody,
            onReload: () => (editing.kind === 'edit' ? reload(editing.item, opener) : Promise.resolve()),
          }}
          reloaded={editing.kind === 'edit' && editing.item.reloads > 0}
        />
      )}
      {all.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <AdminTable
          caption={t.caption}
          columns={[c.position, c.code, c.label, c.required, c.validatesCodes, c.actions]}
        >
          {all.map((dimension) => (
            <tr key={dimension.code}>
              <td>{dimension.position}</td>
              <td>{dimension.code}</td>
              <th scope="row">{dimension.label}</th>
              <td>{dimension.required ? t.yes : t.no}</td>
              <td>{dimension.validatesCodes ? t.yes : t.no}</td>
              <td>
                <DimensionActions
                  dimension={dimension}
                  onEdit={() => open({ kind: 'edit', item: { entry: dimension, reloads: 0 } })}
                  onRemoved={() => {
                    say(t.removed(dimension.label));
                    focusAfterDialog(() => announcementRef.current);
                  }}
                />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </>
  );
}

/** The dimension's codes, "Ändra", and "Ta bort", asked first since its codes go with it. */
function DimensionActions({
  dimension,
  onEdit,
  onRemoved,
}: {
  dimension: BudgetDimension;
  onEdit: () => void;
  onRemoved: () => void;
}) {
  const change = useChangeDimension();
  return (
    <div className={styles.rowActions}>
      <Link
        to="/admin/budget/$dimension"
        params={{ dimension: dimension.code }}
        aria-label={t.codesLabel(dimension.label)}
      >
        {t.codes}
      </Link>
      <button
        type="button"
        id={editButtonId(dimension.code)}
        className={buttons.outlined}
        aria-label={t.editLabel(dimension.label)}
        onClick={onEdit}
      >
        {t.edit}
      </button>
      <ConfirmApiStep
        trigger={{ label: t.remove, ariaLabel: t.removeLabel(dimension.label) }}
        texts={{
          title: t.removeTitle,
          body: t.removeBody(dimension.label),
          confirm: t.removeConfirm,
          pending: t.removing,
          cancel: t.cancel,
          failed: t.removeFailed,
        }}
        onConfirm={() => change.mutateAsync({ kind: 'remove', before: dimension })}
        onDone={onRemoved}
      />
    </div>
  );
}
