import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Clock, findOneOrNotFound, findPage, givenFilters, type Page } from '#common';
import type { RequestContext } from '#identity';
import { JobRunEntity, JobRunQueue } from '#queue';
import { isJobName, JOB_QUEUES } from './job-names.js';
import type { ListJobRunsQueryDto } from './dto/job-run.dto.js';
import { UnknownJobProblem } from './jobs.problems.js';

/** `/jobs`: a run asked for by name (a scan, as of today or a given day), and the run history. */
@Injectable()
export class JobsService {
  constructor(
    @InjectRepository(JobRunEntity) private readonly runs: Repository<JobRunEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobRuns: JobRunQueue,
    private readonly clock: Clock,
  ) {}

  /** Records the run and queues its job in one transaction: if Redis refuses, nothing is written. */
  async requestRun(ctx: RequestContext, jobName: string, asOf?: string): Promise<JobRunEntity> {
    if (!isJobName(jobName)) throw new UnknownJobProblem(jobName);
    const day = asOf ?? this.clock.today();
    return this.dataSource.transaction((em) =>
      this.jobRuns.queueRun(em, ctx, { queue: JOB_QUEUES[jobName], jobName, data: { asOf: day } }),
    );
  }

  /** The run history, newest first: asked for and scheduled runs alike. */
  listRuns(query: ListJobRunsQueryDto): Promise<Page<JobRunEntity>> {
    return findPage(this.runs, query, {
      where: givenFilters({ jobName: query.jobName }),
      order: { queuedAt: 'DESC', id: 'DESC' },
    });
  }

  findRun(id: string): Promise<JobRunEntity> {
    return findOneOrNotFound(this.runs, 'job run', id);
  }
}
