import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ConflictProblem,
  NotFoundProblem,
  queryRow,
  RuleViolationProblem,
  UnknownReferenceProblem,
  ValidationProblem,
  type FieldError,
  type Page,
} from '#common';
import { AuditService, refused, type RequestContext } from '#identity';
import type { CreateIndicatorDto } from './dto/indicator.dto.js';
import { canonicalCell } from './indicator-value.rules.js';
import { IndicatorEntity } from './indicator.entity.js';
import type { Breakdown } from './indicator.vocabulary.js';
import { DEPARTMENT_EXISTS_SQL } from './indicators.sql.js';

const KOLADA_KPI_ID = /^[A-Z]\d{5}$/;

/** The indicator catalogue: defining indicators and reading them. Values, links and series have services of their own. */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: { limit: number; offset: number }): Promise<Page<IndicatorEntity>> {
    const [items, total] = await this.dataSource
      .getRepository(IndicatorEntity)
      .findAndCount({ order: { code: 'ASC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** Admins and the leadership group define indicators for any department; a department head for their own. */
  async create(ctx: RequestContext, dto: CreateIndicatorDto): Promise<IndicatorEntity> {
    const actor = ctx.actor;
    if (
      actor.kind === 'user' &&
      !actor.roles.some((r) => r === 'admin' || r === 'leadership') &&
      actor.departmentId !== dto.ownerDepartmentId
    ) {
      throw refused(actor, 'A department head defines indicators that their own department owns.');
    }
    const breakdowns = dto.breakdowns ?? [];
    const koladaKpis = checkedKoladaKpis(dto.source, dto.koladaKpis ?? null, breakdowns);
    return this.dataSource.transaction(async (em) => {
      if (!(await queryRow(em, DEPARTMENT_EXISTS_SQL, [dto.ownerDepartmentId]))) {
        throw new UnknownReferenceProblem([{ field: 'ownerDepartmentId', message: 'no department with this id' }]);
      }
      if (await em.existsBy(IndicatorEntity, { code: dto.code })) {
        throw new ConflictProblem(`An indicator with code ${dto.code} already exists.`, [
          { field: 'code', message: 'already exists' },
        ]);
      }
      const indicator = await em.save(em.create(IndicatorEntity, { ...dto, breakdowns, koladaKpis }));
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'indicator',
        entityId: indicator.id,
        after: indicator,
      });
      return indicator;
    });
  }

  async get(id: string): Promise<IndicatorEntity> {
    const indicator = await this.dataSource.getRepository(IndicatorEntity).findOneBy({ id });
    if (!indicator) throw new NotFoundProblem('indicator', id);
    return indicator;
  }
}

/** Kolada KPI ids for a Kolada indicator only (and required there), keyed by cells the indicator supports. */
function checkedKoladaKpis(
  source: string,
  kpis: Record<string, string> | null,
  breakdowns: readonly Breakdown[],
): Record<string, string> | null {
  if ((source === 'kolada') !== (kpis !== null && Object.keys(kpis).length > 0)) {
    throw new RuleViolationProblem(
      'A Kolada indicator names its Kolada KPI ids per breakdown cell; other sources name none.',
      [
        {
          field: 'koladaKpis',
          message: source === 'kolada' ? 'required for a Kolada indicator' : 'only for indicators sourced from Kolada',
        },
      ],
    );
  }
  if (kpis === null) return null;
  const malformed = Object.entries(kpis).filter(([, id]) => typeof id !== 'string' || !KOLADA_KPI_ID.test(id));
  if (malformed.length > 0)
    throw new ValidationProblem(
      malformed.map(([cell]) => ({ field: `koladaKpis.${cell}`, message: 'must be a Kolada KPI id such as N02267' })),
    );
  const cells: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [key, id] of Object.entries(kpis)) {
    const result = canonicalCell(key, breakdowns);
    if (result.error !== undefined) errors.push({ field: `koladaKpis.${key}`, message: result.error });
    else if (result.cell in cells)
      errors.push({ field: `koladaKpis.${key}`, message: `names the cell ${result.cell} again` });
    else cells[result.cell] = id;
  }
  if (errors.length > 0)
    throw new RuleViolationProblem('Every Kolada KPI must belong to a breakdown cell the indicator supports.', errors);
  return cells;
}
