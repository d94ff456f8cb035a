import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, execute, queryOne } from '#common';
import type { RunPayload } from './queues.js';
import type { JobRunCounts } from './job-run.entity.js';
import { COMPLETE_JOB_RUN_SQL, FAIL_JOB_RUN_SQL, OPEN_JOB_RUN_SQL, START_JOB_RUN_SQL } from './job-runs.sql.js';

/**
 * The worker's bookkeeping around one attempt of a job: the job_runs row says running, then completed with the
 * counts, or failed with the error once no retry is left. A job killed mid-run leaves the row `running`; BullMQ
 * hands the stalled job to a worker again and the next attempt overwrites it.
 */
@Injectable()
export class JobRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async track(
    job: Job<RunPayload>,
    work: (asOf: string, runId: string) => Promise<JobRunCounts>,
  ): Promise<JobRunCounts> {
    const runId = job.data.runId ?? runIdOf(job.id ?? job.name);
    const asOf = await this.start(runId, job.name, job.data.asOf ?? this.clock.today());
    try {
      const counts = await work(asOf, runId);
      await execute(this.dataSource, COMPLETE_JOB_RUN_SQL, [runId, counts]);
      return counts;
    } catch (error) {
      const retried = job.attemptsMade + 1 < (job.opts.attempts ?? 1);
      await execute(this.dataSource, FAIL_JOB_RUN_SQL, [
        runId,
        retried ? 'queued' : 'failed',
        error instanceof Error ? error.message : String(error),
      ]);
      throw error;
    }
  }

  /**
   * Opens the row when the job has none (the scheduler's jobs; a run whose API transaction rolled back after its
   * job was queued). An INSERT that meets the API's still uncommitted row waits for that commit, then does nothing.
   */
  private async start(runId: string, jobName: string, asOf: string): Promise<string> {
    await execute(this.dataSource, OPEN_JOB_RUN_SQL, [runId, jobName, asOf]);
    return (await queryOne(this.dataSource, START_JOB_RUN_SQL, [runId])).asOf;
  }
}

/** A scheduler's job has no run row of its own: its id gives one, the same for every attempt of that job. */
export function runIdOf(jobId: string): string {
  const hex = createHash('sha256').update(`samla-job-run:${jobId}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
