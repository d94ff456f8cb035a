import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Clock, findOneOrNotFound, findPage, queryRows, UnknownReferenceProblem, type Page } from '#common';
import { AuditService, type RequestContext } from '#identity';
import { JobRunQueue } from '#queue';
import {
  CREATE_STATUS_REPORTS,
  CREATE_STATUS_REPORTS_QUEUE,
  type CreateStatusReportsPayload,
} from './status-report-jobs.js';
import { DEFAULT_SCOPE_STATUSES, ReportingRoundEntity } from './reporting-round.entity.js';
import type {
  CreateReportingRoundDto,
  ListReportingRoundsQueryDto,
  RoundCompletionDto,
} from './dto/reporting-round.dto.js';
import { KNOWN_DEPARTMENTS_SQL, ROUND_COMPLETION_SQL } from './reporting-rounds.sql.js';

@Injectable()
export class ReportingRoundsService {
  constructor(
    @InjectRepository(ReportingRoundEntity) private readonly rounds: Repository<ReportingRoundEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jobRuns: JobRunQueue,
    private readonly clock: Clock,
  ) {}

  /** Latest due date first. */
  list(query: ListReportingRoundsQueryDto): Promise<Page<ReportingRoundEntity>> {
    return findPage(this.rounds, query, { order: { dueDate: 'DESC', createdAt: 'DESC', id: 'ASC' } });
  }

  get(id: string): Promise<ReportingRoundEntity> {
    return findOneOrNotFound(this.rounds, 'reporting round', id);
  }

  /**
   * Records the round and queues the job that creates its status reports, in one transaction: if Redis refuses, no
   * round is left without its reports (503, nothing written).
   */
  async create(ctx: RequestContext, dto: CreateReportingRoundDto): Promise<ReportingRoundEntity> {
    return this.dataSource.transaction(async (em) => {
      const scopeDepartmentIds = dto.scopeDepartmentIds ?? null;
      if (scopeDepartmentIds) {
        const rows = await queryRows(em, KNOWN_DEPARTMENTS_SQL, [scopeDepartmentIds]);
        const known = new Set(rows.map((r) => r.id));
        const errors = scopeDepartmentIds.flatMap((id, i) =>
          known.has(id) ? [] : [{ field: `scopeDepartmentIds[${i}]`, message: 'no department with this id' }],
        );
        if (errors.length > 0) throw new UnknownReferenceProblem(errors);
      }
      const round = await em.save(
        em.create(ReportingRoundEntity, {
          title: dto.title,
          period: dto.period,
          dueDate: dto.dueDate,
          scopeStatuses: dto.scopeStatuses ?? [...DEFAULT_SCOPE_STATUSES],
          scopeDepartmentIds,
          createdBy: ctx.actor.id,
          jobRunId: null,
        }),
      );
      const run = await this.jobRuns.queueRun<CreateStatusReportsPayload>(em, ctx, {
        queue: CREATE_STATUS_REPORTS_QUEUE,
        jobName: CREATE_STATUS_REPORTS,
        data: { asOf: this.clock.today(), roundId: round.id },
      });
      await em.update(ReportingRoundEntity, { id: round.id }, { jobRunId: run.id });
      const created = await em.findOneByOrFail(ReportingRoundEntity, { id: round.id });
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'reporting_round',
        entityId: round.id,
        after: created,
      });
      return created;
    });
  }

  /**
   * Per lead department: reports submitted (approved included), approved, pending (returned included) and overdue
   * (pending after the due date, as of today in TIME_ZONE). One aggregate over the round's reports.
   */
  async completion(id: string): Promise<RoundCompletionDto> {
    const round = await this.get(id);
    const asOf = this.clock.today();
    const rows = await queryRows(this.dataSource, ROUND_COMPLETION_SQL, [id, asOf]);
    const totalsRow = rows.find((r) => r.grouping !== 0);
    const { total = 0, submitted = 0, approved = 0, pending = 0, overdue = 0 } = totalsRow ?? {};
    return {
      roundId: id,
      dueDate: round.dueDate,
      asOf,
      departments: rows.filter((r) => r.grouping === 0).map(({ grouping: _, ...department }) => department),
      totals: { total, submitted, approved, pending, overdue },
    };
  }
}
