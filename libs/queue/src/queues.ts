/** The queues, named once. A context names its own jobs and the queue they go on; the worker has a processor per queue. */
export const QUEUES = {
  portfolioScans: 'portfolio-scans',
  notifications: 'notifications',
  webhooks: 'webhooks',
} as const;
export type AnyQueueName = (typeof QUEUES)[keyof typeof QUEUES];
/** Queues of jobs that job_runs track; `webhooks` has its own producers and processor. */
export type QueueName = Exclude<AnyQueueName, typeof QUEUES.webhooks>;

/**
 * What a tracked run carries. A run asked for through the API has its job_runs row already (`runId`, also the BullMQ
 * job id) and a fixed `asOf`; a job the scheduler adds carries neither: it judges the portfolio as of the day it
 * runs, and the worker opens its row.
 */
export type RunPayload = { runId?: string; asOf?: string };
