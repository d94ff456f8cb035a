import { Injectable } from '@nestjs/common';
import { AuditService, refused, type Actor, type RequestContext } from '#identity';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import {
  Clock,
  ConflictProblem,
  findOneOrNotFound,
  findPage,
  givenFilters,
  inChunks,
  NotFoundProblem,
  RuleViolationProblem,
  UnknownReferenceProblem,
  updateVersioned,
  ValidationProblem,
  type Page,
  queryRow,
} from '#common';
import { SUCCESSOR_CHAIN_REACHES_SQL } from './funding-lines.sql.js';
import {
  assertMayWriteInitiative,
  ENDED_STATUSES,
  InitiativeEntity,
  lockInitiativeOwnership,
  type InitiativeOwnership,
} from '#portfolio';
import {
  FundingLineEntity,
  type CoverageDecision,
  type FundingStatus,
  type ReportingDeadline,
} from './funding-line.entity.js';
import {
  PERIOD_ORDER_MESSAGE,
  type CoverageDecisionDto,
  type CreateFundingLineDto,
  type ListFundingQueryDto,
  type ReportingDeadlineDto,
  type UpdateFundingLineDto,
} from './dto/funding-line.dto.js';

/** A line for a new initiative, checked by the caller (see createMany). */
export type NewFundingLine = Pick<
  FundingLineEntity,
  'initiativeId' | 'sourceType' | 'funder' | 'amountSek' | 'periodStart' | 'periodEnd'
> & { status: FundingStatus };

@Injectable()
export class FundingService {
  constructor(
    @InjectRepository(FundingLineEntity) private readonly fundingLines: Repository<FundingLineEntity>,
    @InjectRepository(InitiativeEntity) private readonly initiatives: Repository<InitiativeEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(initiativeId: string, query: ListFundingQueryDto): Promise<Page<FundingLineEntity>> {
    if (!(await this.initiatives.existsBy({ id: initiativeId }))) throw new NotFoundProblem('initiative', initiativeId);
    return findPage(this.fundingLines, query, {
      where: givenFilters({ initiativeId, status: query.status }),
      order: { periodStart: 'ASC', id: 'ASC' },
    });
  }

  get(id: string): Promise<FundingLineEntity> {
    return findOneOrNotFound(this.fundingLines, 'funding line', id);
  }

  async create(ctx: RequestContext, initiativeId: string, dto: CreateFundingLineDto): Promise<FundingLineEntity> {
    return this.dataSource.transaction(async (em) => {
      const initiative = await this.lockInitiative(em, initiativeId);
      if (!initiative) throw new NotFoundProblem('initiative', initiativeId);
      const owners = await lockInitiativeOwnership(em, initiativeId, 'FOR SHARE');
      assertMayWriteInitiative(ctx.actor, owners);
      assertMayChangeCoverage(ctx.actor, owners, UNDECIDED, dto);
      if (ENDED_STATUSES.includes(initiative.status)) {
        throw new ConflictProblem(`The initiative has ended (${initiative.status}); it takes no new funding lines.`);
      }
      if (dto.successorFundingId) await this.assertSuccessorBelongs(em, initiativeId, dto.successorFundingId);
      const line = await em.save(
        em.create(FundingLineEntity, {
          ...dto,
          initiativeId,
          decisionReference: dto.decisionReference ?? null,
          successorFundingId: dto.successorFundingId ?? null,
          budgetProjectCode: dto.budgetProjectCode ?? null,
          reportingDeadlines: toDeadlines(dto.reportingDeadlines ?? []),
          coverageNote: dto.coverageNote ?? null,
          coverageDecidedBy: dto.coverageDecidedBy ?? null,
          coverageDecidedOn: this.decidedOn(dto.coverageDecision, dto.coverageDecidedOn ?? null),
        }),
      );
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'funding_line',
        entityId: line.id,
        initiativeId,
        after: line,
      });
      return line;
    });
  }

  /**
   * New lines for new initiatives in the caller's transaction (a spreadsheet import, which has checked them): no
   * successor, deadline or coverage decision yet; multi-row statements, each creation in the audit trail.
   */
  async createMany(em: EntityManager, ctx: RequestContext, lines: NewFundingLine[]): Promise<void> {
    const ids: string[] = [];
    for (const chunk of inChunks(lines)) {
      const inserted = await em.insert(
        FundingLineEntity,
        chunk.map((line) => ({ ...line, reportingDeadlines: [] })),
      );
      ids.push(...inserted.identifiers.map((identifier) => identifier.id as string));
    }
    if (ids.length === 0) return;
    const created = await em.findBy(FundingLineEntity, { id: In(ids) });
    await this.audit.recordAll(
      em,
      ctx,
      created.map((line) => ({
        action: 'create',
        entityType: 'funding_line',
        entityId: line.id,
        initiativeId: line.initiativeId,
        after: line,
      })),
    );
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    dto: UpdateFundingLineDto,
  ): Promise<FundingLineEntity> {
    await this.dataSource.transaction(async (em) => {
      const current = await findOneOrNotFound(em.getRepository(FundingLineEntity), 'funding line', id);
      const owners = await lockInitiativeOwnership(em, current.initiativeId, 'FOR SHARE');
      assertMayWriteInitiative(ctx.actor, owners);
      assertMayChangeCoverage(ctx.actor, owners, current, dto);
      // The DTO can only compare the dates it was sent; a PATCH of one of them is judged against the stored other.
      if ((dto.periodEnd ?? current.periodEnd) < (dto.periodStart ?? current.periodStart)) {
        throw new ValidationProblem([{ field: 'periodEnd', message: PERIOD_ORDER_MESSAGE }]);
      }
      if (dto.successorFundingId) await this.assertValidSuccessor(em, current, dto.successorFundingId);
      const { reportingDeadlines, ...changes } = dto;
      await updateVersioned(em, FundingLineEntity, 'funding line', id, expectedVersion, {
        ...changes,
        ...(reportingDeadlines && { reportingDeadlines: toDeadlines(reportingDeadlines) }),
        ...(dto.coverageDecision !== undefined && {
          coverageDecidedOn: this.decidedOn(
            dto.coverageDecision,
            dto.coverageDecidedOn !== undefined ? dto.coverageDecidedOn : current.coverageDecidedOn,
          ),
        }),
      });
      const after = await em.findOneByOrFail(FundingLineEntity, { id });
      await this.audit.record(em, ctx, {
        action: 'update',
        entityType: 'funding_line',
        entityId: id,
        initiativeId: current.initiativeId,
        before: current,
        after,
      });
    });
    return this.get(id);
  }

  /**
   * Records what happens when the line ends: a path of its own, because leadership decides coverage without writing
   * funding lines, and a department head decides it only for initiatives their department leads.
   */
  async decideCoverage(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    dto: CoverageDecisionDto,
  ): Promise<FundingLineEntity> {
    await this.dataSource.transaction(async (em) => {
      const current = await findOneOrNotFound(em.getRepository(FundingLineEntity), 'funding line', id);
      const owners = await lockInitiativeOwnership(em, current.initiativeId, 'FOR SHARE');
      if (!mayDecideCoverage(ctx.actor, owners)) throw refused(ctx.actor, NOT_YOUR_DECISION);
      const decided = dto.decision !== 'undecided';
      await updateVersioned(em, FundingLineEntity, 'funding line', id, expectedVersion, {
        coverageDecision: dto.decision,
        coverageNote: dto.note ?? null,
        coverageDecidedBy: decided ? (dto.decidedBy ?? (ctx.actor.kind === 'user' ? ctx.actor.name : null)) : null,
        coverageDecidedOn: decided ? (dto.decidedOn ?? this.clock.today()) : null,
      });
      const after = await em.findOneByOrFail(FundingLineEntity, { id });
      await this.audit.record(em, ctx, {
        action: 'decision',
        entityType: 'funding_line',
        entityId: id,
        initiativeId: current.initiativeId,
        before: current,
        after,
      });
    });
    return this.get(id);
  }

  /** A recorded decision (anything but undecided) has a date: today unless the caller names the day it was taken. */
  private decidedOn(decision: CoverageDecision | undefined, decidedOn: string | null): string | null {
    return decision !== undefined && decision !== 'undecided' && decidedOn === null ? this.clock.today() : decidedOn;
  }

  /** Only a draft's funding lines may go: once proposed, they are public documents (allmänna handlingar). */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const line = await findOneOrNotFound(em.getRepository(FundingLineEntity), 'funding line', id);
      const initiative = await this.lockInitiative(em, line.initiativeId);
      assertMayWriteInitiative(ctx.actor, await lockInitiativeOwnership(em, line.initiativeId, 'FOR SHARE'));
      if (initiative?.status !== 'draft') {
        throw new ConflictProblem(
          `The initiative is ${initiative?.status}, so its funding lines are public documents (allmänna handlingar) and cannot be deleted. ` +
            'End the funding line by setting its status to "ended" instead.',
        );
      }
      // A line of the same draft that named this one as its successor loses it, rather than blocking the delete.
      const predecessors = await em.findBy(FundingLineEntity, { successorFundingId: id });
      await em.update(
        FundingLineEntity,
        { successorFundingId: id },
        { successorFundingId: null, version: () => 'version + 1' },
      );
      await em.delete(FundingLineEntity, { id });
      for (const before of predecessors) {
        const after = { ...before, successorFundingId: null };
        await this.audit.record(em, ctx, {
          action: 'update',
          entityType: 'funding_line',
          entityId: before.id,
          initiativeId: before.initiativeId,
          before,
          after,
        });
      }
      await this.audit.record(em, ctx, {
        action: 'delete',
        entityType: 'funding_line',
        entityId: id,
        initiativeId: line.initiativeId,
        before: line,
      });
    });
  }

  /** FOR SHARE: a lifecycle move of the initiative waits until this write is done, so it cannot end underneath it. */
  private lockInitiative(em: EntityManager, id: string) {
    return em.findOne(InitiativeEntity, {
      select: { id: true, status: true },
      where: { id },
      lock: { mode: 'pessimistic_read' },
    });
  }

  private async assertSuccessorBelongs(em: EntityManager, initiativeId: string, successorId: string) {
    const successor = await em.findOne(FundingLineEntity, {
      select: { id: true, initiativeId: true },
      where: { id: successorId },
    });
    if (!successor)
      throw new UnknownReferenceProblem([{ field: 'successorFundingId', message: 'no funding line with this id' }]);
    if (successor.initiativeId !== initiativeId) {
      throw new RuleViolationProblem(
        'A successor takes over the funding of the same initiative; this line belongs to another one.',
        [{ field: 'successorFundingId', message: 'belongs to another initiative' }],
      );
    }
  }

  private async assertValidSuccessor(em: EntityManager, line: FundingLineEntity, successorId: string) {
    if (successorId === line.id) {
      throw new RuleViolationProblem('A funding line cannot be its own successor.', [
        { field: 'successorFundingId', message: 'is this funding line itself' },
      ]);
    }
    await this.assertSuccessorBelongs(em, line.initiativeId, successorId);
    if (await this.reachesVia(em, successorId, line.id)) {
      throw new RuleViolationProblem(
        'Successors would go round in a circle: this line already comes after the one named.',
        [{ field: 'successorFundingId', message: 'would create a cycle of successors' }],
      );
    }
  }

  /** Does following successors from `start` lead to `target`? */
  private async reachesVia(em: EntityManager, start: string, target: string): Promise<boolean> {
    return (await queryRow(em, SUCCESSOR_CHAIN_REACHES_SQL, [start, target])) !== undefined;
  }
}

const NOT_YOUR_DECISION =
  "What happens when a funding line ends is decided by the lead department's head or the leadership group; ask them to record it (PUT /funding/{id}/coverage-decision).";

const COVERAGE_FIELDS = ['coverageDecision', 'coverageNote', 'coverageDecidedBy', 'coverageDecidedOn'] as const;
type CoverageFields = Pick<FundingLineEntity, (typeof COVERAGE_FIELDS)[number]>;
const UNDECIDED: CoverageFields = {
  coverageDecision: 'undecided',
  coverageNote: null,
  coverageDecidedBy: null,
  coverageDecidedOn: null,
};

/** The design's rule: the lead department's head or leadership (and admins) record coverage decisions; co-owners do not. */
export function mayDecideCoverage(actor: Actor, owners: Pick<InitiativeOwnership, 'leadDepartmentId'>): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.roles.includes('admin') || actor.roles.includes('leadership')) return true;
  return (
    actor.roles.includes('department_head') &&
    actor.departmentId !== null &&
    actor.departmentId === owners.leadDepartmentId
  );
}

/**
 * Staff and co-owners keep editing the rest of a line; a body that changes the coverage decision (its value, note,
 * who or when) is refused unless the actor may decide. Sending the stored values back unchanged is not a change.
 */
function assertMayChangeCoverage(
  actor: Actor,
  owners: InitiativeOwnership,
  current: CoverageFields,
  dto: Partial<CoverageFields>,
): void {
  const changes = COVERAGE_FIELDS.some((field) => dto[field] !== undefined && dto[field] !== current[field]);
  if (changes && !mayDecideCoverage(actor, owners)) throw refused(actor, NOT_YOUR_DECISION);
}

/** Stored with an explicit null, so every deadline reads back with the same keys. */
function toDeadlines(deadlines: ReportingDeadlineDto[]): ReportingDeadline[] {
  return deadlines.map(({ date, kind, description }) => ({ date, kind, description: description ?? null }));
}
