import { Link } from '@tanstack/react-router';
import { memo } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader, type SortDescriptor } from 'react-aria-components';
import { formatDate } from '../../../lib/format';
import type { ListedInitiative } from '../api/initiative-list';
import { sortDirection, type InitiativeListSearch, type SortKey } from '../utils/initiative-list-search';
import { RagBadge, StatusBadge } from '../../../components/badges';
import styles from './initiative-table.module.css';
import { portfolioMessages } from '../messages';

const t = portfolioMessages.table;

const COLUMNS: { key: SortKey; label: string; rowHeader?: boolean; numeric?: boolean }[] = [
  { key: 'code', label: t.code },
  { key: 'title', label: t.title, rowHeader: true },
  { key: 'leadDepartmentName', label: t.leadDepartment },
  { key: 'status', label: t.status },
  { key: 'latestRagStatus', label: t.rag },
  { key: 'temporaryFundingEndsOn', label: t.temporaryFundingEndsOn },
  { key: 'openAlertCount', label: t.openAlerts, numeric: true },
];

type Props = {
  items: ListedInitiative[];
  sort: InitiativeListSearch['sort'];
  /** Kept stable by the caller, so the table renders again only for new rows or a new sort. */
  onSort: (key: SortKey, direction: 'ascending' | 'descending') => void;
};

/**
 * The initiatives of one page, sortable by every column (the sort goes to the URL and the API). While the next view
 * loads, the caller marks the region around it busy: 50 rows of cells are the page's costliest render, and marking
 * the table itself would render them again only to say so.
 */
export const InitiativeTable = memo(function InitiativeTable({ items, sort, onSort }: Props) {
  const sorted = COLUMNS.find((column) => sortDirection({ sort }, column.key));
  const sortDescriptor: SortDescriptor | undefined = sorted
    ? { column: sorted.key, direction: sortDirection({ sort }, sorted.key)! }
    : undefined;

  return (
    <div className={styles.scroller}>
      <Table
        aria-label={t.label}
        aria-describedby="insatser-sorteringshjalp"
        className={styles.table}
        sortDescriptor={sortDescriptor}
        onSortChange={(descriptor) => onSort(descriptor.column as SortKey, descriptor.direction)}
      >
        <TableHeader>
          {COLUMNS.map((column) => (
            <Column
              key={column.key}
              id={column.key}
              isRowHeader={column.rowHeader}
              allowsSorting
              className={column.numeric ? `${styles.column} ${styles.numeric}` : styles.column}
            >
              {({ sortDirection: direction }) => (
                <span className={styles.columnLabel}>
                  {column.label}
                  <SortArrow direction={direction} />
                </span>
              )}
            </Column>
          ))}
        </TableHeader>
        <TableBody items={items}>
          {(initiative) => (
            <Row id={initiative.id} className={styles.row}>
              <Cell className={styles.cell}>
                <Link to="/insatser/$code" params={{ code: initiative.code }} className={styles.code}>
                  {initiative.code}
                </Link>
              </Cell>
              <Cell className={styles.cell}>{initiative.title}</Cell>
              <Cell className={styles.cell}>
                {initiative.leadDepartmentName ?? <span className={styles.muted}>{t.none}</span>}
              </Cell>
              <Cell className={styles.cell}>
                <StatusBadge status={initiative.status} />
              </Cell>
              <Cell className={styles.cell}>
                {initiative.latestRagStatus ? (
                  <RagBadge rag={initiative.latestRagStatus} />
                ) : (
                  <span className={styles.muted}>{t.noRag}</span>
                )}
              </Cell>
              <Cell className={styles.cell}>
                {initiative.temporaryFundingEndsOn ? (
                  formatDate(initiative.temporaryFundingEndsOn)
                ) : (
                  <span className={styles.muted}>{t.noTemporaryEnd}</span>
                )}
              </Cell>
              <Cell className={`${styles.cell} ${styles.numeric}`}>{initiative.openAlertCount}</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      <p id="insatser-sorteringshjalp" className={styles.hint}>
        {t.sortHint}
      </p>
    </div>
  );
});

/** ▲ ascending, ▼ descending, ⇅ sortable: the direction is announced through aria-sort, the arrow is for the eye. */
function SortArrow({ direction }: { direction: 'ascending' | 'descending' | undefined }) {
  const d =
    direction === 'ascending'
      ? 'M8 3 13 11H3z'
      : direction === 'descending'
        ? 'M8 13 3 5h10z'
        : 'M8 1.5 11.5 6h-7zM8 14.5 4.5 10h7z';
  return (
    <svg
      className={direction ? styles.arrow : `${styles.arrow} ${styles.unsorted}`}
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}
