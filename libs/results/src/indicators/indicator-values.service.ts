import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictProblem, queryRows, RuleViolationProblem, ValidationProblem, type Page } from '#common';
import { AuditService, mayWriteForDepartments, refused, type Actor, type RequestContext } from '#identity';
import type { CreateIndicatorValueDto, IndicatorValueDto, ListValuesQueryDto } from './dto/indicator.dto.js';
import { readImport } from './indicator-import.js';
import { checkValue, pointKey, type NewValue } from './indicator-value-check.js';
import { IndicatorEntity, IndicatorValueEntity } from './indicator.entity.js';
import type { ValueArea, ValueKind } from './indicator.vocabulary.js';
import { IndicatorsService } from './indicators.service.js';
import { INSERT_VALUES_SQL } from './indicators.sql.js';
import { maySeeSmallCounts, suppressed } from './suppression.js';

/** An indicator's recorded values (baselines, measurements, targets): one at a time or a CSV file, never overwritten. */
@Injectable()
export class IndicatorValuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly indicators: IndicatorsService,
  ) {}

  async listValues(
    ctx: RequestContext,
    indicatorId: string,
    query: ListValuesQueryDto,
  ): Promise<Page<IndicatorValueDto>> {
    const indicator = await this.indicators.get(indicatorId);
    const [rows, total] = await this.dataSource.getRepository(IndicatorValueEntity).findAndCount({
      where: { indicatorId, area: query.area ?? 'municipality', ...(query.kind ? { kind: query.kind } : {}) },
      order: { periodEnd: 'ASC', periodStart: 'DESC', cell: 'ASC', kind: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const visible = maySeeSmallCounts(ctx.actor, indicator.ownerDepartmentId);
    return { items: rows.map((row) => toValueDto(row, visible)), total, limit: query.limit, offset: query.offset };
  }

  /** One value; a second for the same period, cell and kind is refused (409): a recorded figure is not overwritten. */
  async addValue(ctx: RequestContext, indicatorId: string, dto: CreateIndicatorValueDto): Promise<IndicatorValueDto> {
    const indicator = await this.indicators.get(indicatorId);
    assertMayRecord(ctx.actor, indicator);
    const checked = checkValue(indicator, dto);
    if ('errors' in checked)
      throw new RuleViolationProblem(checked.errors.map((e) => `${e.field}: ${e.message}`).join('; '), checked.errors);
    return this.dataSource.transaction(async (em) => {
      const [row] = await this.insertValues(em, ctx, indicator, [checked.value]);
      if (!row) {
        throw new ConflictProblem(
          `A ${dto.kind} for ${checked.value.period}, cell ${checked.value.cell}, is already recorded.`,
          [{ field: 'period', message: 'already recorded for this cell and kind' }],
        );
      }
      return toValueDto(row, true);
    });
  }

  /**
   * A CSV of values (IMPORT_COLUMNS), all or nothing: every line is checked and any bad line refuses the whole file
   * (422, an error per line as `lines[N].field`). A line repeating a stored or an earlier line's period, cell and kind
   * is refused likewise (409 for stored values). The file is written in one statement.
   */
  async importValues(ctx: RequestContext, indicatorId: string, csv: unknown): Promise<{ written: number }> {
    const indicator = await this.indicators.get(indicatorId);
    assertMayRecord(ctx.actor, indicator);
    if (typeof csv !== 'string') throw new ValidationProblem([{ field: 'body', message: 'send the file as text/csv' }]);
    const { values, errors } = await readImport(indicator, csv);
    if (errors.length > 0)
      throw new RuleViolationProblem(
        `The file has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was imported.`,
        errors,
      );
    return this.dataSource.transaction(async (em) => {
      const rows = await this.insertValues(
        em,
        ctx,
        indicator,
        values.map((v) => v.value),
      );
      if (rows.length < values.length) {
        const stored = new Set(rows.map(pointKey));
        const conflicts = values.filter((v) => !stored.has(pointKey(v.value)));
        throw new ConflictProblem(
          `${conflicts.length} line${conflicts.length === 1 ? '' : 's'} repeat values already recorded; nothing was imported.`,
          conflicts.map((v) => ({
            field: `lines[${v.line}]`,
            message: `a ${v.value.kind} for ${v.value.period}, cell ${v.value.cell}, is already recorded`,
          })),
        );
      }
      return { written: rows.length };
    });
  }

  /**
   * Inserts the values in one statement; a value whose (period, cell, kind) is taken is skipped and not returned. Values
   * entered here are the municipality's (the column's default): only the Kolada import stores Sweden's.
   */
  private async insertValues(
    em: EntityManager,
    ctx: RequestContext,
    indicator: IndicatorEntity,
    values: NewValue[],
  ): Promise<IndicatorValueEntity[]> {
    const raw = await queryRows(em, INSERT_VALUES_SQL, [
      indicator.id,
      JSON.stringify(
        values.map((v) => ({
          kind: v.kind,
          period: v.period,
          period_start: v.periodStart,
          period_end: v.periodEnd,
          cell: v.cell,
          value: v.value,
          numerator: v.numerator,
          denominator: v.denominator,
          persons: v.persons,
          source_note: v.sourceNote,
        })),
      ),
    ]);
    const rows = raw.map(fromRow);
    await this.audit.recordAll(
      em,
      ctx,
      rows.map((row) => ({
        action: 'create' as const,
        entityType: 'indicator_value',
        entityId: row.id,
        after: toValueDto(row, true),
      })),
    );
    return rows;
  }
}

function assertMayRecord(actor: Actor, indicator: IndicatorEntity): void {
  if (!mayWriteForDepartments(actor, [indicator.ownerDepartmentId])) {
    throw refused(actor, "An indicator's values are recorded by its owning department.");
  }
}

/** A RETURNING row (snake_case, numerics as text) as the entity. */
function fromRow(r: Record<string, unknown>): IndicatorValueEntity {
  const num = (v: unknown) => (v === null ? null : Number(v));
  return {
    id: r.id as string,
    indicatorId: r.indicator_id as string,
    kind: r.kind as ValueKind,
    area: r.area as ValueArea,
    period: r.period as string,
    periodStart: r.period_start as string,
    periodEnd: r.period_end as string,
    cell: r.cell as string,
    value: Number(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    persons: r.persons as number | null,
    sourceNote: r.source_note as string | null,
    version: r.version as number,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

function toValueDto(row: IndicatorValueEntity, visible: boolean): IndicatorValueDto {
  const { periodStart: _start, periodEnd: _end, indicator: _indicator, ...value } = row;
  return suppressed(value, visible);
}
