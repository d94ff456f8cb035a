import { Processor } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import type { Job } from 'bullmq';
import type { AppConfig } from '#common';
import { WEEKLY_DIGEST, type JobNameOn, type JobPayloads } from '#jobs';
import { handlerFor, JobRunsService, QUEUES, type JobRunCounts } from '#queue';
import { BoundedWorkerHost } from './bounded-worker-host.js';
import { PortfolioWorkflows } from './portfolio-workflows.service.js';

type NotificationsJob = JobNameOn<typeof QUEUES.notifications>;

/** Dispatches the notifications queue's jobs to their handlers, each run tracked in job_runs. */
@Processor(QUEUES.notifications)
export class NotificationsProcessor extends BoundedWorkerHost {
  private readonly handlers: { [N in NotificationsJob]: (asOf: string) => Promise<JobRunCounts> };

  constructor(
    private readonly runs: JobRunsService,
    workflows: PortfolioWorkflows,
    config: ConfigService<AppConfig, true>,
  ) {
    super(config);
    this.handlers = { [WEEKLY_DIGEST]: (asOf) => workflows.sendWeeklyDigest(asOf) };
  }

  process(job: Job<JobPayloads[NotificationsJob]>) {
    return this.runs.track(job, (asOf) => handlerFor(this.handlers, QUEUES.notifications, job.name)(asOf));
  }
}
