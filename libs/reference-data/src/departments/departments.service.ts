import { Injectable } from '@nestjs/common';
import { AuditService, type RequestContext } from '#identity';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import {
  ConflictProblem,
  findOneOrNotFound,
  findPage,
  givenFilters,
  isSelfOrDescendant,
  RuleViolationProblem,
  UnknownReferenceProblem,
  updateVersioned,
  type Page,
  execute,
  XACT_LOCK_SQL,
} from '#common';
import { DepartmentEntity } from './department.entity.js';
import type { CreateDepartmentDto, ListDepartmentsQueryDto, UpdateDepartmentDto } from './dto/department.dto.js';

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: ListDepartmentsQueryDto): Promise<Page<DepartmentEntity>> {
    return findPage(this.departments, query, {
      where: givenFilters({ code: query.code, kind: query.kind, parentId: query.parentId }),
      order: { code: 'ASC' },
    });
  }

  get(id: string): Promise<DepartmentEntity> {
    return findOneOrNotFound(this.departments, 'department', id);
  }

  async create(ctx: RequestContext, dto: CreateDepartmentDto): Promise<DepartmentEntity> {
    await this.assertCodeFree(dto.code);
    if (dto.parentId) await this.assertParentExists(dto.parentId);
    return this.dataSource.transaction(async (em) => {
      const department = await em.save(
        em.create(DepartmentEntity, { ...dto, parentId: dto.parentId ?? null, headEmail: dto.headEmail ?? null }),
      );
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'department',
        entityId: department.id,
        after: department,
      });
      return department;
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    dto: UpdateDepartmentDto,
  ): Promise<DepartmentEntity> {
    await this.dataSource.transaction(async (em) => {
      // Moves are serialised: each is checked against the tree as it reads it, so two concurrent moves could
      // otherwise each pass and together build a cycle (A under B, B under A).
      if (dto.parentId) await execute(em, XACT_LOCK_SQL, ['samla.departments.tree']);
      const current = await findOneOrNotFound(em.getRepository(DepartmentEntity), 'department', id);
      if (dto.code !== undefined && dto.code !== current.code) await this.assertCodeFree(dto.code);
      if (dto.parentId) {
        await this.assertParentExists(dto.parentId);
        if (await isSelfOrDescendant(em, 'departments', id, dto.parentId)) {
          throw new RuleViolationProblem('A department cannot sit under itself or under one of its own units.', [
            { field: 'parentId', message: 'would create a cycle' },
          ]);
        }
      }
      await updateVersioned(em, DepartmentEntity, 'department', id, expectedVersion, { ...dto });
      const after = await em.findOneByOrFail(DepartmentEntity, { id });
      await this.audit.record(em, ctx, {
        action: 'update',
        entityType: 'department',
        entityId: id,
        before: current,
        after,
      });
    });
    return this.get(id);
  }

  /** Checks every referenced department in one query; each unknown id is named by the field that holds it. */
  async assertDepartmentsExist(references: { id: string; field: string }[]): Promise<void> {
    if (references.length === 0) return;
    const found = await this.departments.find({ select: { id: true }, where: { id: In(references.map((r) => r.id)) } });
    const known = new Set(found.map((d) => d.id));
    const errors = references
      .filter((r) => !known.has(r.id))
      .map((r) => ({ field: r.field, message: 'no department with this id' }));
    if (errors.length > 0) throw new UnknownReferenceProblem(errors);
  }

  private async assertCodeFree(code: string) {
    if (await this.departments.existsBy({ code })) {
      throw new ConflictProblem(`A department with code ${code} already exists.`, [
        { field: 'code', message: 'already exists' },
      ]);
    }
  }

  private async assertParentExists(parentId: string) {
    if (!(await this.departments.existsBy({ id: parentId }))) {
      throw new UnknownReferenceProblem([{ field: 'parentId', message: 'no department with this id' }]);
    }
  }
}
