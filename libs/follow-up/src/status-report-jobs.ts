import { QUEUES, type RunPayload } from '#queue';

/** Creates one reporting round's status reports. Queued by this context with the round's id, never through `/jobs`. */
export const CREATE_STATUS_REPORTS = 'create-status-reports';
export const CREATE_STATUS_REPORTS_QUEUE = QUEUES.portfolioScans;
export type CreateStatusReportsPayload = RunPayload & { roundId: string };
