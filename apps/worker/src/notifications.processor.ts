import { Processor } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import type { Job } from 'bullmq';
import { AlertNoticesService } from '#alerts';
import type { AppConfig } from '#common';
import { JobRunsService, QUEUES, WEEKLY_DIGEST, type JobPayload } from '#jobs';
import { NotificationsService } from '#notifications';
import { BoundedWorkerHost } from './bounded-worker-host.js';

/** `weekly-digest`: the leadership group's digest as of the job's day, then whatever the outbox has pending. */
@Processor(QUEUES.notifications)
export class NotificationsProcessor extends BoundedWorkerHost {
  constructor(
    private readonly runs: JobRunsService,
    private readonly notices: AlertNoticesService,
    private readonly notifications: NotificationsService,
    config: ConfigService<AppConfig, true>,
  ) {
    super(config);
  }

  process(job: Job<JobPayload>) {
    return this.runs.track(job, async (asOf) => {
      if (job.name !== WEEKLY_DIGEST) throw new Error(`No notification job named ${job.name}`);
      await this.notices.planWeeklyDigest(asOf);
      const { sent } = await this.notifications.sendPending();
      // A digest raises, escalates and resolves nothing; the counts keep the shape every run has.
      return { raised: 0, escalated: 0, resolved: 0, notified: sent };
    });
  }
}
