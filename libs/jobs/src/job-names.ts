import { SCAN_NAMES, type ScanName } from '#alerts';

/** The queues, named once: callers name a job, never a queue. */
export const QUEUES = { portfolioScans: 'portfolio-scans', notifications: 'notifications', webhooks: 'webhooks' } as const;
/** Queues of jobs that job_runs track and `/jobs` or the schedulers name; `webhooks` has its own producers and processor. */
export type QueueName = Exclude<(typeof QUEUES)[keyof typeof QUEUES], typeof QUEUES.webhooks>;

/** Runs every scan in one job; each scan can also run alone under its own name. */
export const SCAN_PORTFOLIO = 'scan-portfolio';
export const WEEKLY_DIGEST = 'weekly-digest';
/** Reads the Kolada-sourced indicators' values from Kolada. */
export const KOLADA_IMPORT = 'kolada-import';
/** Raises `possible_overlap` alerts (weekly; the scan is #portfolio-review's, which #alerts must not import). */
export const SCAN_OVERLAPS = 'scan-overlaps';

export const JOB_QUEUES = {
  [SCAN_PORTFOLIO]: QUEUES.portfolioScans,
  ...(Object.fromEntries(SCAN_NAMES.map((scan) => [scan, QUEUES.portfolioScans])) as Record<ScanName, typeof QUEUES.portfolioScans>),
  [WEEKLY_DIGEST]: QUEUES.notifications,
  [KOLADA_IMPORT]: QUEUES.portfolioScans,
  [SCAN_OVERLAPS]: QUEUES.portfolioScans,
} as const;
export type JobName = keyof typeof JOB_QUEUES;
export const JOB_NAMES = Object.keys(JOB_QUEUES) as JobName[];

/** Creates one reporting round's status reports. Queued by the follow-up context with the round's id, never through `/jobs`. */
export const CREATE_STATUS_REPORTS = 'create-status-reports';
/** Jobs about one record, queued by the context that owns it: `/jobs` cannot ask for them, having no record to name. */
export const RECORD_JOB_QUEUES = { [CREATE_STATUS_REPORTS]: QUEUES.portfolioScans } as const;
export type RecordJobName = keyof typeof RECORD_JOB_QUEUES;

/** Turns new webhook events into deliveries, one per matching subscription (every few seconds, see WEBHOOK_FAN_OUT_INTERVAL_MS). */
export const WEBHOOK_FAN_OUT = 'webhook-fan-out';
/** POSTs one webhook delivery (`{ deliveryId }`; the BullMQ job id is the delivery id, or `<delivery id>-redelivery-<uuid>` for a redelivery by hand). */
export const WEBHOOK_DELIVER = 'webhook-deliver';

/**
 * What a tracked run carries. A run asked for through the API has its job_runs row already (`runId`, also the BullMQ
 * job id) and a fixed `asOf`; a job the scheduler adds carries neither: it judges the portfolio as of the day it
 * runs, and the worker opens its row.
 */
export type RunPayload = { runId?: string; asOf?: string };

/** Each job's payload, by its name: a processor's handler for a job takes exactly this. */
export type JobPayloads = Record<JobName, RunPayload> & {
  [CREATE_STATUS_REPORTS]: RunPayload & { roundId: string };
  [WEBHOOK_FAN_OUT]: Record<string, never>;
  [WEBHOOK_DELIVER]: { deliveryId: string };
};

/** Every job, by name, with its queue. */
type AllJobQueues = typeof JOB_QUEUES &
  typeof RECORD_JOB_QUEUES & { [WEBHOOK_FAN_OUT]: typeof QUEUES.webhooks; [WEBHOOK_DELIVER]: typeof QUEUES.webhooks };

/** The jobs a queue's processor handles: its handler map must name each of them. */
export type JobNameOn<Queue extends string> = { [N in keyof AllJobQueues]: AllJobQueues[N] extends Queue ? N : never }[keyof AllJobQueues];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_QUEUES, name);
}

export function isScanName(name: string): name is ScanName {
  return (SCAN_NAMES as readonly string[]).includes(name);
}
