import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundProblem, queryOne } from '#common';
import { AuditService, type AuditedChange, type RequestContext } from '#identity';
import { BudgetDimensionCodeEntity, BudgetDimensionEntity } from './budget-dimension.entity.js';
import { REPLACE_DIMENSION_CODES_SQL } from './budget-dimensions.sql.js';
import type {
  BudgetDimensionCodesDto,
  BudgetDimensionCodesResultDto,
  BudgetDimensionDto,
  BudgetDimensionsDto,
} from './dto/budget-dimension.dto.js';

const SHOWN = ['code', 'label', 'position', 'required', 'validatesCodes'] as const;
const SELECT = { code: true, label: true, position: true, required: true, validatesCodes: true };

@Injectable()
export class BudgetDimensionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<{ dimensions: BudgetDimensionDto[] }> {
    return {
      dimensions: await this.dataSource
        .getRepository(BudgetDimensionEntity)
        .find({ select: SELECT, order: { position: 'ASC' } }),
    };
  }

  /**
   * Replaces the whole set: a dimension left out is removed with its codes (lines already stored keep theirs).
   * One audit event per dimension created, changed or removed.
   */
  async replace(ctx: RequestContext, dto: BudgetDimensionsDto): Promise<{ dimensions: BudgetDimensionDto[] }> {
    await this.dataSource.transaction(async (em) => {
      const before = await em.find(BudgetDimensionEntity, { select: SELECT, lock: { mode: 'pessimistic_write' } });
      const wanted = dto.dimensions.map(({ code, label, position, required, validatesCodes }) => ({
        code,
        label,
        position,
        required,
        validatesCodes,
      }));
      const removed = before.filter((b) => !wanted.some((w) => w.code === b.code));
      if (removed.length > 0)
        await em.delete(
          BudgetDimensionEntity,
          removed.map((r) => r.code),
        );
      if (wanted.length > 0) await em.upsert(BudgetDimensionEntity, wanted, ['code']);
      const changes: AuditedChange[] = [
        ...removed.map((r) => ({
          action: 'delete' as const,
          entityType: 'budget_dimension',
          entityId: r.code,
          before: r,
        })),
        ...wanted.flatMap((w) => {
          const old = before.find((b) => b.code === w.code);
          if (old && SHOWN.every((field) => old[field] === w[field])) return [];
          return [
            {
              action: old ? ('update' as const) : ('create' as const),
              entityType: 'budget_dimension',
              entityId: w.code,
              before: old ?? null,
              after: w,
            },
          ];
        }),
      ];
      await this.audit.recordAll(em, ctx, changes);
    });
    return this.list();
  }

  async listCodes(
    dimension: string,
  ): Promise<{ codes: Pick<BudgetDimensionCodeEntity, 'code' | 'label' | 'validFrom' | 'validTo'>[] }> {
    if (!(await this.dataSource.getRepository(BudgetDimensionEntity).existsBy({ code: dimension })))
      throw new NotFoundProblem('budget dimension', dimension);
    const codes = await this.dataSource.getRepository(BudgetDimensionCodeEntity).find({
      select: { code: true, label: true, validFrom: true, validTo: true },
      where: { dimensionCode: dimension },
      order: { code: 'ASC' },
    });
    return { codes };
  }

  /** Replaces a dimension's code list in one statement; counts computed in SQL. One audit event with the counts. */
  async replaceCodes(
    ctx: RequestContext,
    dimension: string,
    dto: BudgetDimensionCodesDto,
  ): Promise<BudgetDimensionCodesResultDto> {
    return this.dataSource.transaction(async (em) => {
      const found = await em.findOne(BudgetDimensionEntity, {
        select: { code: true },
        where: { code: dimension },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw new NotFoundProblem('budget dimension', dimension);
      const counts = await queryOne(em, REPLACE_DIMENSION_CODES_SQL, [
        dimension,
        dto.codes.map((c) => c.code),
        dto.codes.map((c) => c.label),
        dto.codes.map((c) => c.validFrom ?? null),
        dto.codes.map((c) => c.validTo ?? null),
      ]);
      const result = {
        dimension,
        codes: dto.codes.length,
        inserted: counts.inserted,
        updated: counts.updated,
        removed: counts.removed,
      };
      await this.audit.record(em, ctx, {
        action: 'update',
        entityType: 'budget_dimension',
        entityId: dimension,
        before: { codes: counts.codes_before },
        after: {
          codes: result.codes,
          codesInserted: result.inserted,
          codesUpdated: result.updated,
          codesRemoved: result.removed,
        },
      });
      return result;
    });
  }
}
