import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../../lib/api-client';
import type { AuditEvent, ReferenceName } from '../../../lib/audit-trail';
import type { AuditQuery } from '../utils/audit-search';

/** One initiative by its code (or id): the search's initiative filter and the history page start here. */
export const initiativeQuery = (code: string) =>
  queryOptions({
    queryKey: ['initiative', code],
    queryFn: ({ signal }) => unwrap(api.GET('/initiatives/{id}', { params: { path: { id: code } }, signal })),
  });

/** One page of the audit trail as the search asks for it. */
export const auditEventsQuery = (query: AuditQuery) =>
  queryOptions({
    queryKey: ['audit-events', query],
    queryFn: ({ signal }) => unwrap(api.GET('/audit-events', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });

/** The API's largest page; the export reads page after page of these. */
const EXPORT_PAGE = 200;
/** At most this many events in one file: a search wider than that is narrowed first (the page says so). */
export const EXPORT_LIMIT = 10_000;

/** Every event the search finds, up to EXPORT_LIMIT, newest first: what the export writes. */
export async function allAuditEvents(
  query: Omit<AuditQuery, 'limit' | 'offset'>,
): Promise<{ events: AuditEvent[]; total: number }> {
  const events: AuditEvent[] = [];
  let total = 0;
  for (let offset = 0; offset < EXPORT_LIMIT; offset += EXPORT_PAGE) {
    const page = await unwrap(
      api.GET('/audit-events', { params: { query: { ...query, limit: EXPORT_PAGE, offset } } }),
    );
    events.push(...page.items);
    total = page.total;
    if (offset + EXPORT_PAGE >= page.total) break;
  }
  return { events, total };
}

/** The departments by id, so a change of lead department or a round's scope reads as names. */
export function useReferenceNames(): ReferenceName {
  // The same query (and cache entry) as the other screens' department choices.
  const departments = useQuery({
    queryKey: ['departments', 'options'],
    queryFn: ({ signal }) => unwrap(api.GET('/departments', { params: { query: { limit: 200 } }, signal })),
    staleTime: 5 * 60_000,
  });
  return useMemo(() => {
    const names = new Map((departments.data?.items ?? []).map((department) => [department.id, department.name]));
    return (_field: string, id: string) => names.get(id);
  }, [departments.data]);
}

/** The initiative's trail (its own events and its funding lines'), a page at a time. */
export function useInitiativeHistory(id: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['initiative', id, 'history', page],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/initiatives/{id}/history', { params: { path: { id }, query: page }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The leadership group's decisions on the initiative, newest meeting first. */
export function useInitiativeDecisions(id: string) {
  return useQuery({
    queryKey: ['initiative', id, 'decisions', 'all'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/initiatives/{id}/decisions', { params: { path: { id }, query: { limit: 200 } }, signal })),
  });
}

/** Every status report of the initiative, each with its round's title and period. */
export function useInitiativeReports(id: string) {
  return useQuery({
    queryKey: ['status-reports', { initiativeId: id }, 'with-rounds'],
    queryFn: async ({ signal }) => {
      const [reports, rounds] = await Promise.all([
        unwrap(api.GET('/status-reports', { params: { query: { initiativeId: id, limit: 200 } }, signal })),
        unwrap(api.GET('/reporting-rounds', { params: { query: { limit: 200 } }, signal })),
      ]);
      const byId = new Map(rounds.items.map((round) => [round.id, round]));
      return reports.items.map((report) => ({ report, round: byId.get(report.roundId) }));
    },
  });
}
