import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { type RequestContext, AuditService } from '#identity';
import { JobRunEntity } from './job-run.entity.js';
import { QueueUnavailableProblem } from './queue.problems.js';
import { QUEUES, type QueueName, type RunPayload } from './queues.js';
import { withinTimeout } from './within-timeout.js';

/** Longer than a healthy Redis ever needs, short enough that a caller gets a 503 rather than a hung request. */
const QUEUE_ADD_TIMEOUT_MS = 2_000;

/** A tracked run to queue: its job's name, the queue it goes on, and its payload without the run id (added here). */
export type RunRequest<Payload extends RunPayload> = {
  queue: QueueName;
  jobName: string;
  data: Omit<Payload, 'runId'> & { asOf: string };
};

/**
 * Queues a tracked run in the caller's transaction: the job_runs row and its audit event are written, then the job is
 * added (job id = run id, so adding it twice runs it once). If Redis refuses, the caller's writes roll back with the
 * run (503). The worker's first write to the row waits for this commit.
 */
@Injectable()
export class JobRunQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QUEUES.portfolioScans) portfolioScans: Queue,
    @InjectQueue(QUEUES.notifications) notifications: Queue,
    private readonly audit: AuditService,
  ) {
    this.queues = { [QUEUES.portfolioScans]: portfolioScans, [QUEUES.notifications]: notifications };
  }

  async queueRun<Payload extends RunPayload>(
    em: EntityManager,
    ctx: RequestContext,
    { queue, jobName, data }: RunRequest<Payload>,
  ): Promise<JobRunEntity> {
    const run = await em.save(
      em.create(JobRunEntity, { jobName, asOf: data.asOf, status: 'queued', requestedBy: ctx.actor.id }),
    );
    await this.audit.record(em, ctx, {
      action: 'create',
      entityType: 'job_run',
      entityId: run.id,
      after: { jobName, ...data },
    });
    await withinTimeout(
      this.queues[queue].add(jobName, { ...data, runId: run.id }, { jobId: run.id }),
      QUEUE_ADD_TIMEOUT_MS,
    ).catch(() => {
      throw new QueueUnavailableProblem();
    });
    return run;
  }
}
