import type { components, paths } from '../../../lib/api-schema';
import { administrationMessages } from '../messages';

type JobRun = components['schemas']['JobRunDto'];
/** The jobs an admin may run now (`POST /jobs/{name}/runs`). */
export type JobName = paths['/jobs/{name}/runs']['post']['parameters']['path']['name'];
/** Every job a run can be of, those queued about one record (a reporting round's reports) included. */
export type RunJobName = NonNullable<NonNullable<paths['/job-runs']['get']['parameters']['query']>['jobName']>;

const t = administrationMessages.jobs;
// A job the API adds is a compile error here until it has its Swedish name.
const JOB_LABELS: Record<RunJobName, string> = t.jobName;
/** Queued by a reporting round about itself, never through /jobs. */
const RECORD_JOBS: readonly RunJobName[] = ['create-status-reports'];

/** The jobs offered to run now, in the order of their names in messages.ts (every scan first). */
export const RUNNABLE_JOBS: readonly JobName[] = (Object.keys(JOB_LABELS) as RunJobName[]).filter(
  (name): name is JobName => !RECORD_JOBS.includes(name),
);

/** A job's Swedish name; one the app does not know yet (a newer API) by its own name. */
export function jobLabel(name: string): string {
  return Object.hasOwn(JOB_LABELS, name) ? JOB_LABELS[name as RunJobName] : name;
}

/** Still waiting for the worker: queued (also between retries) or running. */
export function isUnderway(run: Pick<JobRun, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/** A finished run's counts in words (`3 nya larm, 1 larm skärpta, …`); the ones a job does not report are left out. */
export function countsInWords(counts: JobRun['counts']): string[] {
  if (!counts) return [];
  const words: string[] = [
    t.counts.raised(counts.raised),
    t.counts.escalated(counts.escalated),
    t.counts.resolved(counts.resolved),
  ];
  for (const key of ['notified', 'created', 'imported', 'unchanged', 'rescored'] as const) {
    const value = counts[key];
    if (value !== undefined) words.push(t.counts[key](value));
  }
  if (counts.missingKpis?.length) words.push(t.counts.missingKpis(counts.missingKpis.join(', ')));
  return words;
}
