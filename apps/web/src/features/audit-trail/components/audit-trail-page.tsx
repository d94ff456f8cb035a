import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Announcement } from '../../../components/announcement';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import {
  allAuditEvents,
  auditEventsQuery,
  EXPORT_LIMIT,
  initiativeQuery,
  useReferenceNames,
} from '../api/audit-queries';
import { auditCsv, csvFilename } from '../utils/audit-csv';
import { PAGE_SIZE, toAuditQuery, type AuditSearch } from '../utils/audit-search';
import { auditTrailPageMessages } from '../messages';
import { AuditEventList } from './audit-event-list';
import { AuditFilters } from './audit-filters';
import styles from './audit-trail.module.css';

const t = auditTrailPageMessages;
const route = getRouteApi('/granskning');
const LIST_HEADING = 'granskning-lista';

/** Granskning: search the audit trail (who, what, when, before and after), read it and export it. Read only. */
export function AuditTrailPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const name = useReferenceNames();
  const initiative = useQuery({
    ...initiativeQuery(search.initiative ?? ''),
    enabled: search.initiative !== undefined,
  });
  const offset = search.offset ?? 0;
  const query = toAuditQuery(search, initiative.data?.id, { limit: PAGE_SIZE, offset });
  const waitingForInitiative = search.initiative !== undefined && !initiative.data;
  const events = useQuery({ ...auditEventsQuery(query), enabled: !waitingForInitiative });
  const listHeading = useRef<HTMLHeadingElement>(null);
  const actorName = search.actor
    ? (events.data?.items.find((event) => event.actorId === search.actor)?.actorName ?? undefined)
    : undefined;

  // After a search, the list's heading takes focus, so the count and the first event are read next.
  const searched = (next: AuditSearch) => {
    void navigate({ search: next }).then(() => requestAnimationFrame(() => listHeading.current?.focus()));
  };
  // A new search, a person or a record followed from a link: the form starts again from the URL.
  const formKey = JSON.stringify({ ...search, offset: undefined });

  return (
    <Page title={t.title} wide>
      <p>{t.intro}</p>
      <AuditFilters key={formKey} search={search} actorName={actorName} onSearch={searched} />
      {initiative.isError ? (
        <LoadError
          error={initiative.error}
          message={t.filters.noSuchInitiative(search.initiative ?? '')}
          onRetry={() => void initiative.refetch()}
        />
      ) : events.isError ? (
        <LoadError error={events.error} message={t.error} onRetry={() => void events.refetch()} />
      ) : waitingForInitiative || events.isPending ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          <ExportPanel query={query} total={events.data.total} name={name} />
          <section aria-labelledby={LIST_HEADING} aria-busy={events.isFetching}>
            <h2 id={LIST_HEADING} ref={listHeading} tabIndex={-1}>
              {t.listHeading}
            </h2>
            <p role="status">{t.count(offset + 1, offset + events.data.items.length, events.data.total)}</p>
            {events.data.items.length === 0 ? (
              <p>{t.empty}</p>
            ) : (
              <AuditEventList events={events.data.items} name={name} />
            )}
            {events.data.total > PAGE_SIZE ? (
              <nav aria-label={t.pager.label} className={styles.pager}>
                {offset > 0 ? (
                  <Link
                    to="/granskning"
                    search={{ ...search, offset: Math.max(0, offset - PAGE_SIZE) || undefined }}
                    className={styles.outlined}
                  >
                    {t.pager.newer}
                  </Link>
                ) : null}
                {offset + PAGE_SIZE < events.data.total ? (
                  <Link to="/granskning" search={{ ...search, offset: offset + PAGE_SIZE }} className={styles.outlined}>
                    {t.pager.older}
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </section>
        </>
      )}
    </Page>
  );
}

/** "Exportera som CSV": every event the search finds (not only this page), as the list words them, saved as a file. */
function ExportPanel({
  query,
  total,
  name,
}: {
  query: ReturnType<typeof toAuditQuery>;
  total: number;
  name: ReturnType<typeof useReferenceNames>;
}) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const announcement = useRef<HTMLParagraphElement>(null);

  const exportCsv = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setSaid('');
    try {
      const { limit: _limit, offset: _offset, ...filters } = query;
      const { events, total: found } = await allAuditEvents(filters);
      const file = csvFilename();
      const url = URL.createObjectURL(new Blob([auditCsv(events, name)], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      link.click();
      URL.revokeObjectURL(url);
      setSaid(
        found > events.length
          ? `${t.export.done(events.length, file)} ${t.export.truncated(events.length, found)}`
          : t.export.done(events.length, file),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="granskning-export" className={styles.section}>
      <h2 id="granskning-export">{t.export.heading}</h2>
      <p>{t.export.lead}</p>
      {total > EXPORT_LIMIT ? <p>{t.export.truncated(EXPORT_LIMIT, total)}</p> : null}
      <button type="button" className={styles.outlined} disabled={total === 0} onClick={() => void exportCsv()}>
        {busy ? t.export.busy : t.export.button}
      </button>
      <Announcement text={said} ref={announcement} />
      {failure ? <LoadError error={failure} message={t.export.failed} onRetry={() => void exportCsv()} /> : null}
    </section>
  );
}
