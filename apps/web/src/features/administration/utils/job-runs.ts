import type { components } from '../../../lib/api-schema';
import { administrationMessages } from '../messages';

type JobRun = components['schemas']['JobRunDto'];
const t = administrationMessages.jobs;

/** Still waiting for the worker: queued (also between retries) or running. */
export function isUnderway(run: Pick<JobRun, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/** A finished run's counts in words (`3 nya larm, 1 larm skärpta, …`); the ones a job does not report are left out. */
export function countsInWords(counts: JobRun['counts']): string[] {
  if (!counts) return [];
  const words: string[] = [t.counts.raised(counts.raised), t.counts.escalated(counts.escalated), t.counts.resolved(counts.resolved)];
  for (const key of ['notified', 'created', 'imported', 'unchanged'] as const) {
    const value = counts[key];
    if (value !== undefined) words.push(t.counts[key](value));
  }
  if (counts.missingKpis?.length) words.push(t.counts.missingKpis(counts.missingKpis.join(', ')));
  return words;
}

/** The page window around `offset`: what "Visar 11–20 av 43" says, and whether there is a page before and after. */
export function pageWindow({ offset, limit, total, shown }: { offset: number; limit: number; total: number; shown: number }) {
  return { from: shown === 0 ? 0 : offset + 1, to: offset + shown, previous: offset > 0 ? Math.max(0, offset - limit) : null, next: offset + limit < total ? offset + limit : null };
}
