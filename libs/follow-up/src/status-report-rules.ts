import type { FieldError } from '#common';
import type { StatusReportStatus } from './status-report.entity.js';

/** The moves of a status report and the statuses each may start from. */
export const REPORT_MOVES = {
  submit: { from: ['pending', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
} as const satisfies Record<string, { from: readonly StatusReportStatus[]; to: StatusReportStatus }>;
export type ReportMove = keyof typeof REPORT_MOVES;

/** A department edits its report until it is submitted, and again once leadership returns it. */
export const EDITABLE_STATUSES: readonly StatusReportStatus[] = ['pending', 'returned'];

export function canMoveReport(from: StatusReportStatus, move: ReportMove): boolean {
  return (REPORT_MOVES[move].from as readonly StatusReportStatus[]).includes(from);
}

/** What a report lacks before it can be submitted: a RAG status and a description of progress. */
export function missingForSubmit(report: { ragStatus: string | null; progress: string | null }): FieldError[] {
  const missing: FieldError[] = [];
  if (!report.ragStatus) missing.push({ field: 'ragStatus', message: 'is required to submit' });
  if (!report.progress?.trim()) missing.push({ field: 'progress', message: 'is required to submit' });
  return missing;
}

/**
 * Late: still to be submitted (pending, or returned for completion) after the round's due date, judged on `today` in
 * the municipality's time zone; the same rule as the round's completion count.
 */
export function isOverdue(status: StatusReportStatus, dueDate: string, today: string): boolean {
  return EDITABLE_STATUSES.includes(status) && dueDate < today;
}
