import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Announcement } from '../../../components/announcement';
import buttons from '../../../components/buttons.module.css';
import { LoadError } from '../../../components/load-error';
import { ApiProblemError } from '../../../lib/api-client';
import { formatDate, today } from '../../../lib/format';
import {
  useBudgetCodes,
  useBudgetDimensions,
  useChangeCode,
  type BudgetCode,
  type BudgetDimension,
} from '../api/budget';
import { focusAfterDialog } from '../hooks/focus-after-dialog';
import { useEntryPanel } from '../hooks/use-entry-panel';
import { codeStatus, deactivated } from '../utils/budget-lists';
import { administrationMessages } from '../messages';
import { AdminScreen } from './admin-screen';
import { AdminTable } from './admin-table';
import styles from './administration.module.css';
import { BudgetCodeForm } from './budget-code-form';
import { ConfirmApiStep } from './confirm-dialog';
import { Paging } from './paging';

const t = administrationMessages.budgetCodes;
const route = getRouteApi('/admin/budget/$dimension');
const PAGE_SIZE = 50;
const ADD_BUTTON_ID = 'lagg-till-kod';
// A code may hold characters an id may not (a blank): escaped.
const editButtonId = (code: string) => `andra-kod-${encodeURIComponent(code)}`;

/** /admin/budget/<dimension>: the codes lines may use in one dimension, each with its validity; add, change, deactivate. */
export function BudgetCodesPage() {
  const { dimension } = route.useParams();
  return (
    <AdminScreen title={t.title(dimension)} permission="budget:write" mayNot={t.mayNot} wide>
      <p>
        <Link to="/admin/budget">{t.back}</Link>
      </p>
      <DimensionCodes code={dimension} />
    </AdminScreen>
  );
}

function DimensionCodes({ code }: { code: string }) {
  const dimensions = useBudgetDimensions();
  const codes = useBudgetCodes(code);
  const dimension = dimensions.data?.dimensions.find((candidate) => candidate.code === code);
  const notFound =
    (dimensions.isSuccess && !dimension) ||
    (codes.error instanceof ApiProblemError && codes.error.problem.status === 404);

  if (notFound) return <p className={styles.notice}>{t.notFound}</p>;
  if (dimensions.isPending || codes.isPending) return <p role="status">{administrationMessages.loading}</p>;
  if (dimensions.isError)
    return <LoadError error={dimensions.error} message={t.error} onRetry={() => void dimensions.refetch()} />;
  if (codes.isError) return <LoadError error={codes.error} message={t.error} onRetry={() => void codes.refetch()} />;
  return (
    <Codes dimension={dimension!} codes={codes.data.codes} refetch={async () => (await codes.refetch()).data?.codes} />
  );
}

function Codes({
  dimension,
  codes,
  refetch,
}: {
  dimension: BudgetDimension;
  codes: readonly BudgetCode[];
  refetch: () => Promise<readonly BudgetCode[] | undefined>;
}) {
  const { editing, open, close, say, reload, announcement, announcementRef } = useEntryPanel<BudgetCode>(
    refetch,
    (code) => t.gone(code.code),
  );
  const [offset, setOffset] = useState(0);
  const opener = editing.kind === 'edit' ? editButtonId(editing.item.entry.code) : ADD_BUTTON_ID;
  const shown = codes.slice(offset, offset + PAGE_SIZE);
  const day = today();
  const c = t.column;
  return (
    <>
      <p>{t.intro(dimension.label)}</p>
      {dimension.validatesCodes ? null : <p className={styles.notice}>{t.notChecked}</p>}
      <Announcement text={announcement} ref={announcementRef} />
      {editing.kind === 'none' ? (
        <button type="button" id={ADD_BUTTON_ID} className={buttons.button} onClick={() => open({ kind: 'new' })}>
          {t.add}
        </button>
      ) : (
        <BudgetCodeForm
          key={editing.kind === 'edit' ? `${editing.item.entry.code}-${editing.item.reloads}` : 'ny'}
          dimension={dimension.code}
          code={editing.kind === 'edit' ? editing.item.entry : null}
          onDone={(saved) => close(editing.kind === 'edit' ? t.saved(saved.code) : t.added(saved.code), opener)}
          onCancel={() => close(null, opener)}
          stale={{
            title: t.staleTitle,
            body: t.staleBody,
            onReload: () => (editing.kind === 'edit' ? reload(editing.item, opener) : Promise.resolve()),
          }}
          reloaded={editing.kind === 'edit' && editing.item.reloads > 0}
        />
      )}
      <p>{t.count(codes.length)}</p>
      {codes.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          <AdminTable
            caption={t.caption(dimension.label)}
            columns={[c.code, c.label, c.validFrom, c.validTo, c.status, c.actions]}
          >
            {shown.map((code) => (
              <tr key={code.code}>
                <td>{code.code}</td>
                <th scope="row">{code.label}</th>
                <td>{code.validFrom ? formatDate(code.validFrom) : t.none}</td>
                <td>{code.validTo ? formatDate(code.validTo) : t.none}</td>
                <td>{t.status[codeStatus(code, day)]}</td>
                <td>
                  <CodeActions
                    dimension={dimension.code}
                    code={code}
                    day={day}
                    onEdit={() => open({ kind: 'edit', item: { entry: code, reloads: 0 } })}
                    onDeactivated={() => {
                      say(t.deactivated(code.code));
                      focusAfterDialog(() => announcementRef.current);
                    }}
                  />
                </td>
              </tr>
            ))}
          </AdminTable>
          {codes.length > PAGE_SIZE ? (
            <Paging
              label={t.pagination}
              offset={offset}
              limit={PAGE_SIZE}
              total={codes.length}
              shown={shown.length}
              onGo={setOffset}
            />
          ) : null}
        </>
      )}
    </>
  );
}

type ActionsProps = { dimension: string; code: BudgetCode; day: string; onEdit: () => void; onDeactivated: () => void };

/** "Ändra", and "Avaktivera" for a code in use, asked first: lines for later months may no longer use it. */
function CodeActions({ dimension, code, day, onEdit, onDeactivated }: ActionsProps) {
  const change = useChangeCode(dimension);
  const ended = deactivated(code, day);
  return (
    <div className={styles.rowActions}>
      <button
        type="button"
        id={editButtonId(code.code)}
        className={buttons.outlined}
        aria-label={t.editLabel(code.code)}
        onClick={onEdit}
      >
        {t.edit}
      </button>
      {ended ? (
        <ConfirmApiStep
          trigger={{ label: t.deactivate, ariaLabel: t.deactivateLabel(code.code) }}
          texts={{
            title: t.deactivateTitle,
            body: t.deactivateBody(code.code),
            confirm: t.deactivateConfirm,
            pending: t.deactivating,
            cancel: t.cancel,
            failed: t.deactivateFailed,
          }}
          onConfirm={() => change.mutateAsync({ kind: 'change', before: code, entry: ended })}
          onDone={onDeactivated}
        />
      ) : null}
    </div>
  );
}
