import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  Clock,
  ConflictProblem,
  getPage,
  lockOneOrNotFound,
  NotFoundProblem,
  RuleViolationProblem,
  updateVersioned,
  type Page,
} from '#common';
import { AuditService, type RequestContext } from '#identity';
import { assertMayWriteInitiative, lockInitiativeOwnership } from '#portfolio';
import { indicatorsForReports, type ReportIndicator } from './status-report-indicators.js';
import { StatusReportEntity } from './status-report.entity.js';
import {
  canMoveReport,
  EDITABLE_STATUSES,
  isOverdue,
  missingForSubmit,
  REPORT_MOVES,
  type ReportMove,
} from './status-report-rules.js';
import type { ListStatusReportsQueryDto, UpdateStatusReportDto } from './dto/status-report.dto.js';

/** A report as read: with its round and initiative named, whether it is late, and its indicators for the period. */
export type StatusReportWithIndicators = Omit<StatusReportEntity, 'round' | 'initiative'> & {
  round: { id: string; title: string; period: string; dueDate: string };
  initiative: { id: string; code: string; title: string };
  overdue: boolean;
  indicators: ReportIndicator[];
};

const NOT_YOURS =
  "Only the initiative's lead department and its co-owners write and submit its status report; your department is neither.";

/**
 * A department writes and submits its initiatives' reports; leadership approves or returns them. Each write locks the
 * report (FOR UPDATE), so two moves of one report take turns and the second sees the first's status.
 */
@Injectable()
export class StatusReportsService {
  constructor(
    @InjectRepository(StatusReportEntity) private readonly reports: Repository<StatusReportEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A page of reports, each with its round, initiative and indicators for the period: one more statement for the page. */
  async list(ctx: RequestContext, query: ListStatusReportsQueryDto): Promise<Page<StatusReportWithIndicators>> {
    const q = this.withRoundAndInitiative();
    if (query.roundId) q.andWhere('r.roundId = :roundId', { roundId: query.roundId });
    if (query.initiativeId) q.andWhere('r.initiativeId = :initiativeId', { initiativeId: query.initiativeId });
    if (query.departmentId) q.andWhere('r.departmentId = :departmentId', { departmentId: query.departmentId });
    if (query.status?.length) q.andWhere('r.status IN (:...statuses)', { statuses: query.status });
    if (query.ownerDepartmentId) {
      // The departments that write the report now (assertMayWriteInitiative): the lead and the co-owners.
      q.andWhere(
        `(initiative.lead_department_id = :owner OR EXISTS (SELECT 1 FROM initiative_participants p
           WHERE p.initiative_id = r.initiative_id AND p.department_id = :owner AND p.role = 'co_owner'))`,
        { owner: query.ownerDepartmentId },
      );
    }
    if (query.sort === 'dueDate') q.orderBy('round.dueDate', 'ASC').addOrderBy('initiative.code', 'ASC');
    else q.orderBy('r.createdAt', 'DESC');
    const page = await getPage(q.addOrderBy('r.id', 'ASC'), query);
    return { ...page, items: await this.withIndicators(ctx, page.items) };
  }

  async get(ctx: RequestContext, id: string): Promise<StatusReportWithIndicators> {
    const report = await this.withRoundAndInitiative().where('r.id = :id', { id }).getOne();
    if (!report) throw new NotFoundProblem('status report', id);
    const [shown] = await this.withIndicators(ctx, [report]);
    return shown;
  }

  /** Reports with their round and the initiative's code and title, which every reader of a report needs to place it. */
  private withRoundAndInitiative(): SelectQueryBuilder<StatusReportEntity> {
    return this.reports
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.round', 'round')
      .innerJoin('r.initiative', 'initiative')
      .addSelect(['initiative.id', 'initiative.code', 'initiative.title']);
  }

  /** Reports loaded with their round and initiative, answered with the indicator values of the round's period. */
  private async withIndicators(
    ctx: RequestContext,
    reports: StatusReportEntity[],
  ): Promise<StatusReportWithIndicators[]> {
    const indicators = await indicatorsForReports(
      this.dataSource.manager,
      ctx.actor,
      reports.map((r) => ({ id: r.id, initiativeId: r.initiativeId, period: r.round!.period })),
    );
    const today = this.clock.today();
    return reports.map(({ round, initiative, ...report }) => ({
      ...report,
      round: { id: round!.id, title: round!.title, period: round!.period, dueDate: round!.dueDate },
      initiative: { id: initiative!.id, code: initiative!.code, title: initiative!.title },
      overdue: isOverdue(report.status, round!.dueDate, today),
      indicators: indicators.get(report.id) ?? [],
    }));
  }

  update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    dto: UpdateStatusReportDto,
  ): Promise<StatusReportEntity> {
    return this.write(ctx, id, 'update', async (em, current) => {
      assertMayWriteInitiative(
        ctx.actor,
        await lockInitiativeOwnership(em, current.initiativeId, 'FOR SHARE'),
        NOT_YOURS,
      );
      if (!EDITABLE_STATUSES.includes(current.status)) {
        throw new ConflictProblem(
          `The status report is ${current.status}; it can be changed only while ${EDITABLE_STATUSES.join(' or ')}.`,
        );
      }
      await updateVersioned(em, StatusReportEntity, 'status report', id, expectedVersion, { ...dto });
    });
  }

  submit(ctx: RequestContext, id: string): Promise<StatusReportEntity> {
    return this.write(ctx, id, 'transition', async (em, current) => {
      assertMayWriteInitiative(
        ctx.actor,
        await lockInitiativeOwnership(em, current.initiativeId, 'FOR SHARE'),
        NOT_YOURS,
      );
      assertCanMove(current, 'submit');
      const missing = missingForSubmit(current);
      if (missing.length > 0)
        throw new RuleViolationProblem(
          `The status report cannot be submitted yet: ${missing.map((m) => m.field).join(', ')} missing.`,
          missing,
        );
      await move(em, id, 'submit', { submittedBy: ctx.actor.id, submittedAt: () => 'now()' });
    });
  }

  /** Leadership's decisions: the permission is checked by the route (`status-reports:decide`). */
  approve(ctx: RequestContext, id: string): Promise<StatusReportEntity> {
    return this.write(ctx, id, 'decision', async (em, current) => {
      assertCanMove(current, 'approve');
      await move(em, id, 'approve', { decidedBy: ctx.actor.id, decidedAt: () => 'now()', returnComment: null });
    });
  }

  return(ctx: RequestContext, id: string, comment: string): Promise<StatusReportEntity> {
    return this.write(ctx, id, 'decision', async (em, current) => {
      assertCanMove(current, 'return');
      await move(em, id, 'return', { decidedBy: ctx.actor.id, decidedAt: () => 'now()', returnComment: comment });
    });
  }

  /** Locks the report, lets `change` check and write, and audits the change in the same transaction. */
  private write(
    ctx: RequestContext,
    id: string,
    action: 'update' | 'transition' | 'decision',
    change: (em: EntityManager, current: StatusReportEntity) => Promise<void>,
  ): Promise<StatusReportEntity> {
    return this.dataSource.transaction(async (em) => {
      const current = await lockOneOrNotFound(em, StatusReportEntity, 'status report', id);
      await change(em, current);
      const after = await em.findOneByOrFail(StatusReportEntity, { id });
      await this.audit.record(em, ctx, {
        action,
        entityType: 'status_report',
        entityId: id,
        initiativeId: current.initiativeId,
        before: current,
        after,
      });
      return after;
    });
  }
}

function assertCanMove(report: StatusReportEntity, name: ReportMove): void {
  if (canMoveReport(report.status, name)) return;
  const { from, to } = REPORT_MOVES[name];
  throw new ConflictProblem(
    `The status report is ${report.status}; only a report that is ${from.join(' or ')} can be ${to}.`,
  );
}

function move(em: EntityManager, id: string, name: ReportMove, changes: Record<string, unknown>) {
  return em
    .createQueryBuilder()
    .update(StatusReportEntity)
    .set({ ...changes, status: REPORT_MOVES[name].to, version: () => 'version + 1', updatedAt: () => 'now()' })
    .where('id = :id', { id })
    .execute();
}
