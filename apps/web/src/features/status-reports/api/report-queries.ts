import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { ReportPatch, StatusReport } from '../utils/report-form';

/** Every status-report read starts with this key, so one invalidation refreshes the lists and the report. */
const REPORTS_KEY = ['status-reports'] as const;
// A list shows what is due in open rounds; more than a page's worth for one department is not expected.
const LIST_LIMIT = 200;

/** What the department still has to do or wait for: pending, returned and submitted reports, the one due first first. */
export function useDepartmentReports(departmentId: string | undefined) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'department', departmentId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/status-reports', {
          params: {
            query: {
              ownerDepartmentId: departmentId!,
              status: ['pending', 'returned', 'submitted'],
              sort: 'dueDate',
              limit: LIST_LIMIT,
            },
          },
          signal,
        }),
      ),
    enabled: departmentId !== undefined,
  });
}

/** Submitted reports waiting for leadership's decision. */
export function useReportsToReview(enabled: boolean) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'to-review'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/status-reports', {
          params: { query: { status: ['submitted'], sort: 'dueDate', limit: LIST_LIMIT } },
          signal,
        }),
      ),
    enabled,
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'one', id],
    queryFn: ({ signal }) => unwrap(api.GET('/status-reports/{id}', { params: { path: { id } }, signal })),
  });
}

/** The initiative the report is for, by its code (the same read and cache as Insatsen): who owns it decides who writes. */
export function useReportInitiative(code: string | undefined) {
  return useQuery({
    queryKey: ['initiative', code],
    queryFn: ({ signal }) => unwrap(api.GET('/initiatives/{id}', { params: { path: { id: code! } }, signal })),
    enabled: code !== undefined,
  });
}

export type ReportMove =
  | { kind: 'save'; patch: ReportPatch }
  | { kind: 'submit'; patch?: ReportPatch }
  | { kind: 'approve' }
  | { kind: 'return'; comment: string };

/**
 * Every change of a report: save (PATCH with If-Match on the version read), submit (after saving what was typed),
 * approve, return with a comment. Afterwards the lists, the report and Insatsen's latest report are read again.
 */
export function useReportMove(report: Pick<StatusReport, 'id' | 'initiativeId' | 'version'>) {
  const queryClient = useQueryClient();
  const path = { id: report.id };
  return useMutation({
    mutationFn: async (move: ReportMove) => {
      if ((move.kind === 'save' || move.kind === 'submit') && move.patch) {
        await unwrap(
          api.PATCH('/status-reports/{id}', {
            params: { path, header: { 'If-Match': `"${report.version}"` } },
            body: move.patch,
          }),
        );
      }
      if (move.kind === 'submit') await unwrap(api.POST('/status-reports/{id}/submit', { params: { path } }));
      if (move.kind === 'approve') await unwrap(api.POST('/status-reports/{id}/approve', { params: { path } }));
      if (move.kind === 'return')
        await unwrap(api.POST('/status-reports/{id}/return', { params: { path }, body: { comment: move.comment } }));
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: REPORTS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['initiative', report.initiativeId, 'status-report'] }),
      ]),
  });
}
