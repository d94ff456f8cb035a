import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { Clock, findOneOrNotFound, findPage, givenFilters, type Page } from '#common';
import { AuditService, type RequestContext } from '#identity';
import { isJobName, JOB_QUEUES, QUEUES, RECORD_JOB_QUEUES, type JobName, type JobPayloads, type QueueName, type RecordJobName } from './job-names.js';
import type { ListJobRunsQueryDto } from './dto/job-run.dto.js';
import { JobRunEntity } from './job-run.entity.js';
import { QueueUnavailableProblem, UnknownJobProblem } from './jobs.problems.js';
import { withinTimeout } from './within-timeout.js';

/** Longer than a healthy Redis ever needs, short enough that a caller gets a 503 rather than a hung request. */
const QUEUE_ADD_TIMEOUT_MS = 2_000;

@Injectable()
export class JobsService {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectRepository(JobRunEntity) private readonly runs: Repository<JobRunEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.portfolioScans) portfolioScans: Queue,
    @InjectQueue(QUEUES.notifications) notifications: Queue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.queues = { [QUEUES.portfolioScans]: portfolioScans, [QUEUES.notifications]: notifications };
  }

  /**
   * Records the run and queues its job (job id = run id, so adding it twice runs it once) in one transaction:
   * if Redis refuses, nothing is written. The worker's first write to the row waits for this commit.
   */
  async requestRun(ctx: RequestContext, jobName: string, asOf?: string): Promise<JobRunEntity> {
    if (!isJobName(jobName)) throw new UnknownJobProblem(jobName);
    const day = asOf ?? this.clock.today();
    return this.dataSource.transaction((em) => this.queueRun(em, ctx, jobName, { asOf: day }));
  }

  /**
   * The same in the caller's transaction, for a context queuing a job about its own record (a reporting round):
   * if Redis refuses, the caller's writes roll back with the run (503).
   */
  async queueRun<N extends JobName | RecordJobName>(em: EntityManager, ctx: RequestContext, jobName: N, data: Omit<JobPayloads[N], 'runId'> & { asOf: string }): Promise<JobRunEntity> {
    const run = await em.save(em.create(JobRunEntity, { jobName, asOf: data.asOf, status: 'queued', requestedBy: ctx.actor.id }));
    await this.audit.record(em, ctx, { action: 'create', entityType: 'job_run', entityId: run.id, after: { jobName, ...data } });
    const queue: QueueName = isJobName(jobName) ? JOB_QUEUES[jobName] : RECORD_JOB_QUEUES[jobName as RecordJobName];
    // The spread of Omit<P, 'runId'> with a runId is P, which TypeScript cannot see for a generic N.
    const payload = { ...data, runId: run.id } as JobPayloads[N];
    await withinTimeout(this.queues[queue].add(jobName, payload, { jobId: run.id }), QUEUE_ADD_TIMEOUT_MS).catch(() => {
      throw new QueueUnavailableProblem();
    });
    return run;
  }

  /** The run history, newest first: asked for and scheduled runs alike. */
  listRuns(query: ListJobRunsQueryDto): Promise<Page<JobRunEntity>> {
    return findPage(this.runs, query, { where: givenFilters({ jobName: query.jobName }), order: { queuedAt: 'DESC', id: 'DESC' } });
  }

  findRun(id: string): Promise<JobRunEntity> {
    return findOneOrNotFound(this.runs, 'job run', id);
  }
}
