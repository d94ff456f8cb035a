import { SCAN_NAMES, type ScanName } from '#alerts';
import { CREATE_STATUS_REPORTS, CREATE_STATUS_REPORTS_QUEUE, type CreateStatusReportsPayload } from '#follow-up';
import { WEBHOOK_DELIVER, WEBHOOK_FAN_OUT, WEBHOOK_QUEUE, type WebhookJobPayloads } from '#integration';
import { QUEUES, type RunPayload } from '#queue';

/**
 * The catalog of every job: the ones `/jobs` and the schedules name (scans, digests, imports) with their queues, and
 * the contexts' own jobs about one record, which those contexts name and queue themselves (#follow-up, #integration).
 * The worker's processors type their handler maps from it.
 */

/** Runs every scan in one job; each scan can also run alone under its own name. */
export const SCAN_PORTFOLIO = 'scan-portfolio';
export const WEEKLY_DIGEST = 'weekly-digest';
/** Reads the Kolada-sourced indicators' values from Kolada. */
export const KOLADA_IMPORT = 'kolada-import';
/** Raises `possible_overlap` alerts (weekly; the scan is #portfolio-review's, which #alerts must not import). */
export const SCAN_OVERLAPS = 'scan-overlaps';
/**
 * The full overlap refresh, in batches with progress: queued by the drain after deploy or after OVERLAP_LIST_MIN_SCORE
 * changes, or asked for through `/jobs`.
 */
export const REFRESH_OVERLAPS = 'refresh-overlaps';
/** Rescores the initiatives the overlap outbox notes (every OVERLAP_DRAIN_INTERVAL_MS); untracked, it runs so often. */
export const DRAIN_OVERLAPS = 'drain-overlaps';
/** Folds the portfolio summary's roll-ups into one row per group (every minute); untracked, as the drain. */
export const FOLD_PORTFOLIO_ROLLUPS = 'fold-portfolio-rollups';

export const JOB_QUEUES = {
  [SCAN_PORTFOLIO]: QUEUES.portfolioScans,
  ...(Object.fromEntries(SCAN_NAMES.map((scan) => [scan, QUEUES.portfolioScans])) as Record<
    ScanName,
    typeof QUEUES.portfolioScans
  >),
  [WEEKLY_DIGEST]: QUEUES.notifications,
  [KOLADA_IMPORT]: QUEUES.portfolioScans,
  [SCAN_OVERLAPS]: QUEUES.portfolioScans,
  [REFRESH_OVERLAPS]: QUEUES.portfolioScans,
} as const;
export type JobName = keyof typeof JOB_QUEUES;
export const JOB_NAMES = Object.keys(JOB_QUEUES) as JobName[];

/** Jobs about one record, queued by the context that owns it: `/jobs` cannot ask for them, having no record to name. */
export const RECORD_JOB_QUEUES = { [CREATE_STATUS_REPORTS]: CREATE_STATUS_REPORTS_QUEUE } as const;
export type RecordJobName = keyof typeof RECORD_JOB_QUEUES;

/** Jobs no job_runs row tracks: the scheduler's frequent housekeeping. */
export const UNTRACKED_JOB_QUEUES = {
  [DRAIN_OVERLAPS]: QUEUES.portfolioScans,
  [FOLD_PORTFOLIO_ROLLUPS]: QUEUES.portfolioScans,
} as const;
export type UntrackedJobName = keyof typeof UNTRACKED_JOB_QUEUES;

/** Each job's payload, by its name: a processor's handler for a job takes exactly this. */
export type JobPayloads = Record<JobName, RunPayload> & {
  [CREATE_STATUS_REPORTS]: CreateStatusReportsPayload;
  [DRAIN_OVERLAPS]: Record<string, never>;
  [FOLD_PORTFOLIO_ROLLUPS]: Record<string, never>;
} & WebhookJobPayloads;

/** Every job, by name, with its queue. */
type AllJobQueues = typeof JOB_QUEUES &
  typeof RECORD_JOB_QUEUES &
  typeof UNTRACKED_JOB_QUEUES & { [WEBHOOK_FAN_OUT]: typeof WEBHOOK_QUEUE; [WEBHOOK_DELIVER]: typeof WEBHOOK_QUEUE };

/** The jobs a queue's processor handles: its handler map must name each of them. */
export type JobNameOn<Queue extends string> = {
  [N in keyof AllJobQueues]: AllJobQueues[N] extends Queue ? N : never;
}[keyof AllJobQueues];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_QUEUES, name);
}

export function isScanName(name: string): name is ScanName {
  return (SCAN_NAMES as readonly string[]).includes(name);
}
