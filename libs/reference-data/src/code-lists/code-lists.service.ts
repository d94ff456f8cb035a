import { Injectable } from '@nestjs/common';
import { AuditService, type RequestContext } from '#identity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityTarget } from 'typeorm';
import {
  ConflictProblem,
  findPage,
  UnknownReferenceProblem,
  type FieldError,
  type Page,
  type PageQueryDto,
} from '#common';
import { type CodeListEntity, DistrictEntity, TargetGroupEntity } from './code-list.entities.js';
import type { CreateCodeListItemDto } from './dto/code-list.dto.js';

export type CodeListKind = 'targetGroup' | 'district';

const LISTS: Record<CodeListKind, { entity: EntityTarget<CodeListEntity>; label: string; entityType: string }> = {
  targetGroup: { entity: TargetGroupEntity, label: 'target group', entityType: 'target_group' },
  district: { entity: DistrictEntity, label: 'district', entityType: 'district' },
};

/** Target groups and districts: listed, added, and resolved from the codes other contexts are given. */
@Injectable()
export class CodeListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(kind: CodeListKind, query: PageQueryDto): Promise<Page<CodeListEntity>> {
    return findPage(this.repo(kind), query, { order: { code: 'ASC' } });
  }

  async create(ctx: RequestContext, kind: CodeListKind, dto: CreateCodeListItemDto): Promise<CodeListEntity> {
    const repo = this.repo(kind);
    if (await repo.existsBy({ code: dto.code })) {
      throw new ConflictProblem(`A ${LISTS[kind].label} with code ${dto.code} already exists.`, [
        { field: 'code', message: 'already exists' },
      ]);
    }
    return this.dataSource.transaction(async (em) => {
      const item = await em.save(LISTS[kind].entity, em.create(LISTS[kind].entity, dto));
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: LISTS[kind].entityType,
        entityId: item.id,
        after: item,
      });
      return item;
    });
  }

  /** Maps codes to ids in one query; every unknown code is named with its position in `field`. */
  async resolveCodes(kind: CodeListKind, codes: string[], field: string): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = await this.repo(kind).find({ select: { id: true, code: true }, where: { code: In(codes) } });
    const idByCode = new Map(rows.map((r) => [r.code, r.id]));
    const errors: FieldError[] = codes.flatMap((code, i) =>
      idByCode.has(code) ? [] : [{ field: `${field}[${i}]`, message: `no ${LISTS[kind].label} with code ${code}` }],
    );
    if (errors.length > 0) throw new UnknownReferenceProblem(errors);
    return codes.map((code) => idByCode.get(code)!);
  }

  private repo(kind: CodeListKind) {
    return this.dataSource.getRepository(LISTS[kind].entity);
  }
}
