import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { Button } from 'react-aria-components';
import { LoadError } from '../../../components/load-error';
import { Page } from '../../../components/layout/page';
import { useLatest } from '../../../lib/hooks/use-latest';
import { ApiProblemError } from '../../../lib/api-client';
import { useMay } from '../../../lib/auth/use-may';
import { summaryFor } from '../../../lib/problem';
import { downloadExport, type ExportFormat } from '../api/export';
import { initiativeListQuery, useInitiativeList } from '../api/initiative-list';
import {
  DEFAULT_LIMIT,
  hasFilters,
  toSortValue,
  withoutFilters,
  type InitiativeListSearch,
  type SortKey,
} from '../utils/initiative-list-search';
import { InitiativeTable } from './initiative-table';
import { ListFilters } from './list-filters';
import styles from './initiative-list-page.module.css';
import { portfolioMessages } from '../messages';

const t = portfolioMessages;
const route = getRouteApi('/insatser');

/**
 * Insatser at /insatser: the route's search is the view; every change is a navigation. The new view's list is asked
 * for first: the navigation and the re-render it starts took some 150 ms before the page's own query sent the request
 * (bench/README.md, web list page), which now joins the request already on its way.
 */
export function InitiativeListRoute() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const show = useCallback(
    (next: InitiativeListSearch) => {
      void queryClient.prefetchQuery(initiativeListQuery(next));
      void navigate({ search: next });
    },
    [queryClient, navigate],
  );
  return <InitiativeListPage search={search} onNavigate={show} />;
}

type Props = {
  search: InitiativeListSearch;
  onNavigate: (search: InitiativeListSearch) => void;
};

/** The portfolio list: filters, the table, paging and the export of exactly the filtered view. */
export function InitiativeListPage({ search, onNavigate }: Props) {
  const list = useInitiativeList(search);
  const page = list.data;
  const mayCreate = useMay('initiatives:create');
  // Stable for the table (see InitiativeTable); reads the view as it is when the person sorts.
  const latestRef = useLatest(search);
  const sortBy = useCallback(
    (key: SortKey, direction: 'ascending' | 'descending') =>
      onNavigate({ ...latestRef.current, sort: toSortValue(key, direction), offset: undefined }),
    [onNavigate, latestRef],
  );

  return (
    <Page title={t.title} wide>
      <p>{t.intro}</p>
      {mayCreate.allowed && (
        <p>
          <Link to="/insatser/ny" className={styles.newInitiative}>
            {t.newInitiative}
          </Link>
        </p>
      )}
      <ListFilters search={search} onNavigate={onNavigate} />
      <ExportButtons search={search} />
      <div className={styles.results}>
        {list.isPending ? (
          <p role="status" className={styles.status}>
            <span className={styles.spinner} aria-hidden="true" />
            {t.loading}
          </p>
        ) : list.isError && !page ? (
          <LoadError message={t.error.title} error={list.error} onRetry={() => void list.refetch()} />
        ) : page && page.items.length === 0 ? (
          <EmptyState filtered={hasFilters(search)} onClear={() => onNavigate(withoutFilters(search))} />
        ) : page ? (
          <>
            <p role="status" className={styles.status}>
              {list.isPlaceholderData
                ? t.updating
                : t.paging.showing(page.offset + 1, page.offset + page.items.length, page.total)}
            </p>
            {list.isError && (
              <LoadError message={t.error.title} error={list.error} onRetry={() => void list.refetch()} />
            )}
            <div
              aria-busy={list.isPlaceholderData || undefined}
              className={list.isPlaceholderData ? styles.updating : undefined}
            >
              <InitiativeTable items={page.items} sort={search.sort} onSort={sortBy} />
            </div>
            <Paging
              offset={page.offset}
              limit={page.limit}
              total={page.total}
              onPage={(offset) => onNavigate({ ...search, offset: offset > 0 ? offset : undefined })}
            />
          </>
        ) : null}
      </div>
    </Page>
  );
}

function EmptyState({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <div role="status" className={styles.empty}>
      <h2 className={styles.emptyTitle}>{filtered ? t.empty.title : t.empty.bodyNoFilters}</h2>
      {filtered && (
        <>
          <p>{t.empty.body}</p>
          <Button className={styles.button} onPress={onClear}>
            {t.filters.clear}
          </Button>
        </>
      )}
    </div>
  );
}

/** "Visar 1–50 av 134" with previous and next; the offset goes to the URL. */
function Paging({
  offset,
  limit,
  total,
  onPage,
}: {
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
}) {
  if (total <= limit && offset === 0) return null;
  const size = limit || DEFAULT_LIMIT;
  return (
    <nav aria-label={t.paging.label} className={styles.paging}>
      <Button
        className={styles.pageButton}
        isDisabled={offset === 0}
        onPress={() => onPage(Math.max(0, offset - size))}
      >
        {t.paging.previous}
      </Button>
      <Button className={styles.pageButton} isDisabled={offset + size >= total} onPress={() => onPage(offset + size)}>
        {t.paging.next}
      </Button>
    </nav>
  );
}

type ExportState =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; fileName: string } | { kind: 'failed'; message: string };

/** "Exportera": the filtered view as Excel or CSV, downloaded with the signed-in person's token. */
function ExportButtons({ search }: { search: InitiativeListSearch }) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const run = async (format: ExportFormat) => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', fileName: await downloadExport(search, format) });
    } catch (error) {
      const status = error instanceof ApiProblemError ? error.problem.status : 0;
      setState({ kind: 'failed', message: `${t.export.failed} ${summaryFor(status)}` });
    }
  };
  return (
    <section aria-labelledby="export-rubrik" className={styles.export}>
      <h2 id="export-rubrik" className={styles.exportHeading}>
        {t.export.heading}
      </h2>
      <p className={styles.exportDescription}>{t.export.description}</p>
      <div className={styles.exportButtons}>
        <Button className={styles.button} isDisabled={state.kind === 'busy'} onPress={() => void run('xlsx')}>
          {t.export.xlsx}
        </Button>
        <Button className={styles.button} isDisabled={state.kind === 'busy'} onPress={() => void run('csv')}>
          {t.export.csv}
        </Button>
      </div>
      <p role="status" className={styles.exportStatus}>
        {state.kind === 'busy' ? t.export.busy : state.kind === 'done' ? t.export.done(state.fileName) : ''}
      </p>
      {state.kind === 'failed' && (
        <p role="alert" className={styles.exportFailed}>
          {state.message}
        </p>
      )}
    </section>
  );
}
