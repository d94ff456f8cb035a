import { Injectable } from '@nestjs/common';
import { AuditService, type RequestContext } from '#identity';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import {
  ConflictProblem,
  findOneOrNotFound,
  findPage,
  givenFilters,
  isSelfOrDescendant,
  lockOneOrNotFound,
  RuleViolationProblem,
  UnknownReferenceProblem,
  updateVersioned,
  ValidationProblem,
  type FieldError,
  type Page,
  execute,
  XACT_LOCK_SQL,
} from '#common';
import type { CreateGoalDto, ListGoalsQueryDto, UpdateGoalDto } from './dto/goal.dto.js';
import { GoalEntity, type GoalLevel } from './goal.entity.js';
import { nestGoals, placementErrors, validityErrors, type NestedGoal } from './goal-tree.rules.js';

export type GoalTreeNode = NestedGoal<GoalEntity>;

@Injectable()
export class GoalsService {
  constructor(
    @InjectRepository(GoalEntity) private readonly goals: Repository<GoalEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: ListGoalsQueryDto): Promise<Page<GoalEntity>> {
    return findPage(this.goals, query, {
      where: givenFilters({ code: query.code, level: query.level, framework: query.framework }),
      order: { code: 'ASC' },
    });
  }

  /** The whole tree (or one framework's part of it) from one query; a goal whose parent is not included is a root. */
  async tree(framework?: string): Promise<GoalTreeNode[]> {
    return nestGoals(await this.goals.find({ where: givenFilters({ framework }) }));
  }

  get(id: string): Promise<GoalEntity> {
    return findOneOrNotFound(this.goals, 'goal', id);
  }

  async create(ctx: RequestContext, dto: CreateGoalDto): Promise<GoalEntity> {
    return this.dataSource.transaction(async (em) => {
      if (dto.parentId) await lockTreeShape(em);
      await this.assertCodeFree(em, dto.code);
      const parentLevel = dto.parentId ? await this.levelOfParent(em, dto.parentId) : null;
      assertValidPlacement(placementErrors({ level: dto.level, parentLevel, childLevels: [], changed: 'level' }));
      const goal = await em.save(
        em.create(GoalEntity, {
          ...dto,
          description: dto.description ?? null,
          parentId: dto.parentId ?? null,
          validFrom: dto.validFrom ?? null,
          validTo: dto.validTo ?? null,
        }),
      );
      await this.audit.record(em, ctx, { action: 'create', entityType: 'goal', entityId: goal.id, after: goal });
      return goal;
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, dto: UpdateGoalDto): Promise<GoalEntity> {
    await this.dataSource.transaction(async (em) => {
      if (dto.parentId !== undefined || dto.level !== undefined) await lockTreeShape(em);
      const current = await lockOneOrNotFound(em, GoalEntity, 'goal', id);
      // The DTO judges a period it is sent whole; a PATCH of one end is judged against the stored other, with the same 400.
      const validity = validityErrors(
        dto.validFrom === undefined ? current.validFrom : dto.validFrom,
        dto.validTo === undefined ? current.validTo : dto.validTo,
      );
      if (validity.length > 0) throw new ValidationProblem(validity);
      if (dto.code !== undefined && dto.code !== current.code) await this.assertCodeFree(em, dto.code);

      const parentId = dto.parentId === undefined ? current.parentId : dto.parentId;
      const parentChanged = dto.parentId !== undefined && dto.parentId !== current.parentId;
      if (parentChanged && parentId && (await isSelfOrDescendant(em, 'goals', id, parentId))) {
        throw new RuleViolationProblem('A goal cannot sit under itself or under one of its own sub-goals.', [
          { field: 'parentId', message: 'would create a cycle' },
        ]);
      }
      const parentLevel = parentId ? await this.levelOfParent(em, parentId) : null;
      const children = await em.find(GoalEntity, { select: { level: true }, where: { parentId: id } });
      assertValidPlacement(
        placementErrors({
          level: dto.level ?? current.level,
          parentLevel,
          childLevels: children.map((c) => c.level),
          changed: dto.level !== undefined ? 'level' : 'parentId',
        }),
      );
      await updateVersioned(em, GoalEntity, 'goal', id, expectedVersion, { ...dto });
      const after = await em.findOneByOrFail(GoalEntity, { id });
      await this.audit.record(em, ctx, { action: 'update', entityType: 'goal', entityId: id, before: current, after });
    });
    return this.get(id);
  }

  /** Checks every referenced goal in one query; each unknown id is named by its place, e.g. `goalIds[2]`. */
  async assertGoalsExist(ids: readonly string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.goals.find({ select: { id: true }, where: { id: In([...new Set(ids)]) } });
    const known = new Set(found.map((g) => g.id));
    const errors = ids.flatMap((id, i) =>
      known.has(id) ? [] : [{ field: `${field}[${i}]`, message: 'no goal with this id' }],
    );
    if (errors.length > 0) throw new UnknownReferenceProblem(errors);
  }

  private async assertCodeFree(em: EntityManager, code: string) {
    if (await em.existsBy(GoalEntity, { code })) {
      throw new ConflictProblem(`A goal with code ${code} already exists.`, [
        { field: 'code', message: 'already exists' },
      ]);
    }
  }

  private async levelOfParent(em: EntityManager, parentId: string): Promise<GoalLevel> {
    const parent = await em.findOne(GoalEntity, { select: { level: true }, where: { id: parentId } });
    if (!parent) throw new UnknownReferenceProblem([{ field: 'parentId', message: 'no goal with this id' }]);
    return parent.level;
  }
}

/**
 * Serialises the changes that shape the tree (a new parent, a new level). Each is checked against the tree as it
 * reads it, so two concurrent moves could otherwise each pass and together build a cycle or put a goal level with
 * its parent. Taken before any row lock, so waiting for it cannot deadlock. Moves are rare; plain edits never wait.
 */
async function lockTreeShape(em: EntityManager) {
  await execute(em, XACT_LOCK_SQL, ['samla.goals.tree']);
}

function assertValidPlacement(errors: FieldError[]): void {
  if (errors.length > 0)
    throw new RuleViolationProblem('The goal does not fit where it is placed in the tree.', errors);
}
