import { Injectable } from '@nestjs/common';
import { AuditService, hasPermission, refused, type Actor, type RequestContext } from '#identity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type ObjectLiteral } from 'typeorm';
import {
  checkReferences,
  Clock,
  inChunks,
  ConflictProblem,
  lockOneOrNotFound,
  parseSort,
  RecordNotFoundProblem,
  RuleViolationProblem,
  UnknownReferenceProblem,
  updateVersioned,
  ValidationProblem,
  type FieldError,
  type Page,
  type RecordRef,
  execute,
  queryOne,
  queryRows,
} from '#common';
import { GoalsService } from '#goals';
import { CodeListsService, DepartmentsService } from '#reference-data';
import type {
  CreateInitiativeDto,
  FollowUpPlanDto,
  InitiativeDto,
  ListInitiativesQueryDto,
  NextMovesDto,
  ParticipantDto,
  ProcessOwnerDto,
  TransitionDto,
  UpdateInitiativeDto,
} from '../dto/initiative.dto.js';
import {
  ALLOWED_TRANSITIONS,
  ENDED_STATUSES,
  unmetGuards,
  type InitiativeStatus,
} from '../lifecycle/initiative-lifecycle.js';
import { InitiativeLifecycleService } from '../lifecycle/initiative-lifecycle.service.js';
import { mayMove } from '../lifecycle/transition-permissions.js';
import {
  assertKeepsReach,
  assertMayHandOver,
  assertMayMove,
  assertMayWriteInitiative,
  lockInitiativeOwnership,
} from './initiative-access.js';
import {
  buildInitiativeCountSql,
  buildInitiativeListSql,
  INITIATIVE_SORT_KEYS,
  type InitiativeListFilters,
  type InitiativeListPage,
} from './initiative-list.sql.js';
import {
  deleteLinksSql,
  DISTRICT_LINKS,
  GOAL_LINKS,
  insertLinkPairsSql,
  insertLinksSql,
  KNOWN_INDICATORS_SQL,
  TARGET_GROUP_LINKS,
  type LinkTable,
} from './initiatives.sql.js';
import { InitiativeParticipantEntity } from './initiative-participant.entity.js';
import { InitiativeEntity } from './initiative.entity.js';

type ResolvedLinks = {
  goalIds?: string[];
  targetGroupIds?: string[];
  districtIds?: string[];
  participants?: ParticipantDto[];
};

/** A draft initiative whose references are resolved to ids (see createMany). */
export type NewInitiative = Pick<
  InitiativeEntity,
  'code' | 'title' | 'kind' | 'summary' | 'leadDepartmentId' | 'startDate' | 'endDate' | 'annualCostSek'
> & {
  participants: ParticipantDto[];
  goalIds: string[];
  targetGroupIds: string[];
  districtIds: string[];
};

@Injectable()
export class InitiativesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly goals: GoalsService,
    private readonly codeLists: CodeListsService,
    private readonly lifecycle: InitiativeLifecycleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: ListInitiativesQueryDto): Promise<Page<InitiativeDto>> {
    const { limit, offset, sort, ...filters } = query;
    const rows = await this.select(this.dataSource.manager, filters, {
      sort: parseSort(sort, INITIATIVE_SORT_KEYS, 'code'),
      limit,
      offset,
    });
    // The page query counts the matches itself; only a page past the end needs a separate count.
    const total = rows.length > 0 ? rows[0].total : offset === 0 ? 0 : await this.count(filters);
    return { items: rows.map(withoutTotal), total, limit, offset };
  }

  /** One initiative by id, or by code (GET /initiatives/SSPF): the list's statement with one filter either way. */
  async get(ref: string | RecordRef, em: EntityManager = this.dataSource.manager): Promise<InitiativeDto> {
    const by = typeof ref === 'string' ? { id: ref } : ref;
    const [row] = await this.select(em, 'id' in by ? { ids: [by.id] } : { code: by.code }, {
      sort: [],
      limit: 1,
      offset: 0,
    });
    if (!row) throw new RecordNotFoundProblem('initiative', by);
    return withoutTotal(row);
  }

  async create(ctx: RequestContext, dto: CreateInitiativeDto): Promise<InitiativeDto> {
    const led = { ...dto, leadDepartmentId: await this.leadOfNew(ctx.actor, dto.leadDepartmentId ?? null) };
    const {
      participants,
      goalIds: _goalIds,
      targetGroupCodes: _targetGroupCodes,
      districtCodes: _districtCodes,
      ...fields
    } = led;
    assertParticipantsDistinct(participants ?? [], led.leadDepartmentId);
    const links = await this.resolveLinks(led);
    await this.assertCodeFree(dto.code);
    return this.dataSource.transaction(async (em) => {
      const { id } = await em.save(
        InitiativeEntity,
        em.create(InitiativeEntity, { ...withWholeJson(fields), status: 'draft' }),
      );
      await this.replaceLinks(em, id, links);
      const created = await this.get(id, em);
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'initiative',
        entityId: id,
        initiativeId: id,
        after: auditedInitiative(created),
      });
      return created;
    });
  }

  /**
   * Many new drafts in the caller's transaction (a spreadsheet import, which has checked them row by row and resolved
   * every reference): multi-row statements instead of a round trip per initiative, and each creation in the audit
   * trail as `create` records it.
   */
  async createMany(em: EntityManager, ctx: RequestContext, drafts: NewInitiative[]): Promise<InitiativeDto[]> {
    if (drafts.length === 0) return [];
    const ids: string[] = [];
    for (const chunk of inChunks(drafts)) {
      const inserted = await em.insert(
        InitiativeEntity,
        chunk.map(({ participants: _p, goalIds: _g, targetGroupIds: _t, districtIds: _d, ...fields }) => ({
          ...fields,
          status: 'draft' as const,
        })),
      );
      ids.push(...inserted.identifiers.map((identifier) => identifier.id as string));
    }
    const pairs = (pick: (draft: NewInitiative) => string[]) => {
      const pairs = drafts.flatMap((draft, i) => pick(draft).map((other) => [ids[i], other]));
      return [pairs.map(([id]) => id), pairs.map(([, other]) => other)];
    };
    for (const [links, pick] of [
      [GOAL_LINKS, (draft: NewInitiative) => draft.goalIds],
      [TARGET_GROUP_LINKS, (draft: NewInitiative) => draft.targetGroupIds],
      [DISTRICT_LINKS, (draft: NewInitiative) => draft.districtIds],
    ] as const) {
      const [initiativeIds, otherIds] = pairs(pick);
      if (initiativeIds.length > 0) await execute(em, insertLinkPairsSql(links), [initiativeIds, otherIds]);
    }
    const participants = drafts.flatMap((draft, i) =>
      draft.participants.map((p) => ({
        initiativeId: ids[i],
        departmentId: p.departmentId,
        role: p.role,
        responsibility: p.responsibility ?? null,
      })),
    );
    for (const chunk of inChunks(participants)) await em.insert(InitiativeParticipantEntity, chunk);
    const created = (await this.select(em, { ids }, { sort: [], limit: ids.length, offset: 0 })).map(withoutTotal);
    await this.audit.recordAll(
      em,
      ctx,
      created.map((initiative) => ({
        action: 'create',
        entityType: 'initiative',
        entityId: initiative.id,
        initiativeId: initiative.id,
        after: auditedInitiative(initiative),
      })),
    );
    return created;
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    dto: UpdateInitiativeDto,
  ): Promise<InitiativeDto> {
    const {
      participants,
      goalIds: _goalIds,
      targetGroupCodes: _targetGroupCodes,
      districtCodes: _districtCodes,
      ...fields
    } = dto;
    return this.dataSource.transaction(async (em) => {
      const owners = await lockInitiativeOwnership(em, id, 'FOR UPDATE');
      assertMayWriteInitiative(ctx.actor, owners);
      assertMayHandOver(ctx.actor, owners, dto);
      assertKeepsReach(ctx.actor, owners, dto);
      const current = await this.get(id, em);
      if (ENDED_STATUSES.includes(current.status)) {
        throw new ConflictProblem(
          `The initiative is ${current.status}; an ended initiative is a public record and is not changed.`,
        );
      }
      assertDateOrder(
        dto.startDate !== undefined ? dto.startDate : current.startDate,
        dto.endDate !== undefined ? dto.endDate : current.endDate,
      );
      assertParticipantsDistinct(
        participants ?? current.participants,
        dto.leadDepartmentId !== undefined ? dto.leadDepartmentId : (current.leadDepartmentId ?? null),
      );
      const links = await this.resolveLinks(dto);
      if (dto.code !== undefined && dto.code !== current.code) await this.assertCodeFree(dto.code);
      await updateVersioned(em, InitiativeEntity, 'initiative', id, expectedVersion, withWholeJson(fields));
      await this.replaceLinks(em, id, links);
      // A change must not take away what the current status was approved on (e.g. the last goal of an approved initiative).
      await this.lifecycle.assertStillMeetsGuards(em, id, current.status);
      const updated = await this.get(id, em);
      await this.audit.record(em, ctx, {
        action: 'update',
        entityType: 'initiative',
        entityId: id,
        initiativeId: id,
        before: auditedInitiative(current),
        after: auditedInitiative(updated),
      });
      return updated;
    });
  }

  /**
   * The moves the lifecycle allows from the initiative's current status, each with the guards it would refuse with
   * today and whether the actor may make it: what POST …/transitions would answer, without attempting it.
   */
  async nextMoves(actor: Actor, ref: string | RecordRef): Promise<NextMovesDto> {
    const initiative = await this.get(ref);
    const facts = await this.lifecycle.facts(this.dataSource.manager, initiative.id);
    const owners = [
      facts.leadDepartmentId,
      ...initiative.participants.filter((p) => p.role === 'co_owner').map((p) => p.departmentId),
    ];
    return {
      status: facts.status,
      moves: ALLOWED_TRANSITIONS[facts.status].map((to) => ({
        to,
        unmetGuards: unmetGuards(to, facts).map((unmet) => unmet.guard),
        allowed: mayMove(actor, facts.status, to, owners),
      })),
    };
  }

  async transition(ctx: RequestContext, id: string, dto: TransitionDto): Promise<InitiativeDto> {
    return this.dataSource.transaction(
      async (em) => (await this.moveWithin(em, ctx, id, dto.to, dto.comment ?? null)).initiative,
    );
  }

  /**
   * A lifecycle move inside the caller's transaction: who may move (403), the lifecycle's moves (409) and guards (422),
   * the transition row and its audit event. A portfolio review's decision moves an initiative through here too, so a
   * decision and its move commit or roll back together.
   */
  async moveWithin(
    em: EntityManager,
    ctx: RequestContext,
    id: string,
    to: InitiativeStatus,
    comment: string | null,
  ): Promise<{ from: InitiativeStatus; initiative: InitiativeDto }> {
    assertMayMove(ctx.actor, await lockInitiativeOwnership(em, id, 'FOR UPDATE'), to);
    const from = await this.lifecycle.transition(em, id, to, comment);
    const moved = await this.get(id, em);
    const after = { status: moved.status, comment };
    await this.audit.record(em, ctx, {
      action: 'transition',
      entityType: 'initiative',
      entityId: id,
      initiativeId: id,
      before: { status: from },
      after,
    });
    return { from, initiative: moved };
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const initiative = await lockOneOrNotFound(em, InitiativeEntity, 'initiative', id);
      assertMayWriteInitiative(ctx.actor, await lockInitiativeOwnership(em, id, 'FOR UPDATE'));
      if (initiative.status !== 'draft') {
        throw new ConflictProblem(
          `Only a draft can be deleted; this initiative is ${initiative.status}. Records are public documents: move it to discontinued instead.`,
        );
      }
      const before = auditedInitiative(await this.get(id, em));
      // The delete takes the draft's funding lines with it. Funding depends on portfolio, not the reverse, so they
      // are read by table name (docs/adr/0003-cross-context-reads.md) for the trail to show each one gone.
      const fundingLines = await em.find<ObjectLiteral & { id: string }>('funding_lines', {
        where: { initiativeId: id },
      });
      await em.delete(InitiativeEntity, { id });
      for (const line of fundingLines) {
        await this.audit.record(em, ctx, {
          action: 'delete',
          entityType: 'funding_line',
          entityId: line.id,
          initiativeId: id,
          before: line,
        });
      }
      await this.audit.record(em, ctx, {
        action: 'delete',
        entityType: 'initiative',
        entityId: id,
        initiativeId: id,
        before,
      });
    });
  }

  /**
   * The lead department of a new initiative. Whoever may hand initiatives over (an admin) may give one to any
   * department, and so must name it; anyone else leads with their own department, also when they leave it out, and
   * naming another is refused with their own department's code, so they know what to send.
   */
  private async leadOfNew(actor: Actor, named: string | null): Promise<string> {
    if (hasPermission(actor, 'initiatives:hand-over')) {
      if (named) return named;
      throw new ValidationProblem([
        { field: 'leadDepartmentId', message: 'an admin names the lead department of a new initiative' },
      ]);
    }
    const own = actor.kind === 'user' ? actor.departmentId : null;
    if (own === null)
      throw refused(
        actor,
        'You register initiatives for your own department, and Samla knows no department of yours: ask an admin to place you in one.',
      );
    if (named === null || named === own) return own;
    const { code } = await this.departments.get(own);
    throw refused(
      actor,
      `A department head registers initiatives that their own department leads: set leadDepartmentId to ${code}'s id (${own}), or leave it out.`,
    );
  }

  private async select(em: EntityManager, filters: InitiativeListFilters, page: InitiativeListPage) {
    return queryRows(em, buildInitiativeListSql(filters, page, this.clock.today()));
  }

  private async count(filters: InitiativeListFilters): Promise<number> {
    return (await queryOne(this.dataSource, buildInitiativeCountSql(filters))).total ?? 0;
  }

  /** Every reference in the request checked together: one answer lists every unknown id or code. */
  private async resolveLinks(dto: UpdateInitiativeDto): Promise<ResolvedLinks> {
    const links: ResolvedLinks = { participants: dto.participants };
    const departmentRefs = [
      ...(dto.leadDepartmentId ? [{ id: dto.leadDepartmentId, field: 'leadDepartmentId' }] : []),
      ...(dto.participants ?? []).map((p, i) => ({ id: p.departmentId, field: `participants[${i}].departmentId` })),
    ];
    await checkReferences([
      this.departments.assertDepartmentsExist(departmentRefs),
      dto.goalIds
        ? this.goals.assertGoalsExist(dto.goalIds, 'goalIds').then(() => (links.goalIds = dto.goalIds))
        : Promise.resolve(),
      dto.targetGroupCodes
        ? this.codeLists
            .resolveCodes('targetGroup', dto.targetGroupCodes, 'targetGroupCodes')
            .then((ids) => (links.targetGroupIds = ids))
        : Promise.resolve(),
      dto.districtCodes
        ? this.codeLists
            .resolveCodes('district', dto.districtCodes, 'districtCodes')
            .then((ids) => (links.districtIds = ids))
        : Promise.resolve(),
      this.assertIndicatorsExist(dto.followUpPlan?.indicatorIds ?? []),
    ]);
    return links;
  }

  /** A follow-up plan names existing indicators (KNOWN_INDICATORS_SQL). Indicators are never deleted (their values hold them). */
  private async assertIndicatorsExist(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await queryRows(this.dataSource, KNOWN_INDICATORS_SQL, [ids]);
    const known = new Set(found.map((row) => row.id));
    const errors = ids.flatMap((id, i) =>
      known.has(id) ? [] : [{ field: `followUpPlan.indicatorIds[${i}]`, message: 'no indicator with this id' }],
    );
    if (errors.length > 0) throw new UnknownReferenceProblem(errors);
  }

  /** Replaces each link set the request names; sets it does not name stay as they are. */
  private async replaceLinks(em: EntityManager, initiativeId: string, links: ResolvedLinks) {
    const sets: [LinkTable, string[] | undefined][] = [
      [GOAL_LINKS, links.goalIds],
      [TARGET_GROUP_LINKS, links.targetGroupIds],
      [DISTRICT_LINKS, links.districtIds],
    ];
    for (const [table, ids] of sets) {
      if (!ids) continue;
      await execute(em, deleteLinksSql(table), [initiativeId]);
      if (ids.length) await execute(em, insertLinksSql(table), [initiativeId, ids]);
    }
    if (links.participants) {
      await em.delete(InitiativeParticipantEntity, { initiativeId });
      if (links.participants.length) {
        await em.insert(
          InitiativeParticipantEntity,
          links.participants.map((p) => ({
            initiativeId,
            departmentId: p.departmentId,
            role: p.role,
            responsibility: p.responsibility ?? null,
          })),
        );
      }
    }
  }

  private async assertCodeFree(code: string) {
    if (await this.dataSource.getRepository(InitiativeEntity).existsBy({ code })) {
      throw new ConflictProblem(`An initiative with code ${code} already exists.`, [
        { field: 'code', message: 'already exists' },
      ]);
    }
  }
}

/**
 * The JSON columns are stored with every key, the left-out ones as null or [], so an initiative reads back in one
 * shape whatever the client sent.
 */
function withWholeJson<T extends { processOwner?: ProcessOwnerDto | null; followUpPlan?: FollowUpPlanDto | null }>(
  fields: T,
): T {
  const { processOwner: owner, followUpPlan: plan } = fields;
  return {
    ...fields,
    ...(owner && { processOwner: { name: owner.name, title: owner.title ?? null, email: owner.email ?? null } }),
    ...(plan && {
      followUpPlan: {
        method: plan.method,
        frequency: plan.frequency,
        responsible: plan.responsible,
        firstReportDue: plan.firstReportDue ?? null,
        indicatorIds: plan.indicatorIds ?? [],
      },
    }),
  };
}

/**
 * An initiative as the audit trail keeps it: its own fields and links, without the department and goal labels the API
 * adds for readers (a department renamed later is the department's change, not the initiative's).
 */
/** The initiative's own data: without the names its ids point at and what the list reads from other contexts. */
export function auditedInitiative({
  leadDepartmentCode: _code,
  leadDepartmentName: _name,
  goals: _goals,
  latestRagStatus: _rag,
  temporaryFundingEndsOn: _temporaryEnd,
  openAlertCount: _alerts,
  participants,
  ...initiative
}: InitiativeDto) {
  return {
    ...initiative,
    participants: participants.map(({ departmentId, role, responsibility }) => ({
      departmentId,
      role,
      responsibility,
    })),
  };
}

function withoutTotal({ total: _total, ...initiative }: InitiativeDto & { total: number }): InitiativeDto {
  return initiative;
}

function assertDateOrder(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) {
    throw new ValidationProblem([{ field: 'endDate', message: `endDate ${end} is before startDate ${start}` }]);
  }
}

function assertParticipantsDistinct(participants: { departmentId: string }[], leadDepartmentId: string | null) {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  participants.forEach((p, i) => {
    if (seen.has(p.departmentId))
      errors.push({ field: `participants[${i}].departmentId`, message: 'the department is listed twice' });
    if (p.departmentId === leadDepartmentId)
      errors.push({
        field: `participants[${i}].departmentId`,
        message: 'the lead department is not also a participant',
      });
    seen.add(p.departmentId);
  });
  if (errors.length)
    throw new RuleViolationProblem(
      'Each department takes part once, and the lead department is not also a participant.',
      errors,
    );
}
