import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictProblem, NotFoundProblem, parseCsv, queryRow, queryRows, RuleViolationProblem, UnknownReferenceProblem, ValidationProblem, type FieldError, type Page } from '#common';
import { AuditService, mayWriteForDepartments, refused, type Actor, type RequestContext } from '#identity';
import { lockChainForWrite } from '../effect-logic/effect-chain-access.js';
import { EffectNodeEntity } from '../effect-logic/effect-node.entity.js';
import { MEASURABLE_LEVELS } from './indicator-links.js';
import {
  CreateIndicatorValueDto,
  type CreateIndicatorDto,
  type IndicatorLinkDto,
  type IndicatorSeriesDto,
  type IndicatorValueDto,
  type IndicatorOverviewDto,
  type LinkIndicatorDto,
  type ListIndicatorsQueryDto,
  type ListValuesQueryDto,
} from './dto/indicator.dto.js';
import { buildSeries, type SeriesPoint } from './indicator-series.js';
import { canonicalCell, periodRange, shareProblems } from './indicator-value.rules.js';
import {
  ALL_CELL_VALUES_SQL,
  CELL_VALUES_SQL,
  DEPARTMENT_EXISTS_SQL,
  INSERT_VALUES_SQL,
  KOLADA_TITLES_SQL,
  LINK_INDICATOR_SQL,
  SHARE_NODE_LEVEL_SQL,
  type RawCellValues,
  type RawPoint,
} from './indicators.sql.js';
import { IndicatorEntity, IndicatorValueEntity } from './indicator.entity.js';
import type { Breakdown, ValueArea, ValueKind } from './indicator.vocabulary.js';
import { maySeeSmallCounts, suppressed } from './suppression.js';

/** The columns of a CSV import, in order (the first line must name them). */
export const IMPORT_COLUMNS = ['period', 'cell', 'kind', 'value', 'numerator', 'denominator', 'persons'] as const;

const KOLADA_KPI_ID = /^[A-Z]\d{5}$/;

/** A value ready to store: checked, its cell canonical, its period's days worked out. */
type NewValue = Omit<IndicatorValueEntity, 'id' | 'indicatorId' | 'indicator' | 'area' | 'version' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: { limit: number; offset: number }): Promise<Page<IndicatorEntity>> {
    const [items, total] = await this.dataSource.getRepository(IndicatorEntity).findAndCount({ order: { code: 'ASC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** Admins and the leadership group define indicators for any department; a department head for their own. */
  async create(ctx: RequestContext, dto: CreateIndicatorDto): Promise<IndicatorEntity> {
    const actor = ctx.actor;
    if (actor.kind === 'user' && !actor.roles.some((r) => r === 'admin' || r === 'leadership') && actor.departmentId !== dto.ownerDepartmentId) {
      throw refused(actor, 'A department head defines indicators that their own department owns.');
    }
    const breakdowns = dto.breakdowns ?? [];
    const koladaKpis = checkedKoladaKpis(dto.source, dto.koladaKpis ?? null, breakdowns);
    return this.dataSource.transaction(async (em) => {
      if (!(await queryRow(em, DEPARTMENT_EXISTS_SQL, [dto.ownerDepartmentId]))) {
        throw new UnknownReferenceProblem([{ field: 'ownerDepartmentId', message: 'no department with this id' }]);
      }
      if (await em.existsBy(IndicatorEntity, { code: dto.code })) {
        throw new ConflictProblem(`An indicator with code ${dto.code} already exists.`, [{ field: 'code', message: 'already exists' }]);
      }
      const indicator = await em.save(em.create(IndicatorEntity, { ...dto, breakdowns, koladaKpis }));
      await this.audit.record(em, ctx, { action: 'create', entityType: 'indicator', entityId: indicator.id, after: indicator });
      return indicator;
    });
  }

  /** Linking an indicator to an outcome is writing that outcome's chain, so the chain's writers may do it. */
  async link(ctx: RequestContext, effectNodeId: string, dto: LinkIndicatorDto): Promise<IndicatorLinkDto> {
    return this.dataSource.transaction(async (em) => {
      const node = await em.findOneBy(EffectNodeEntity, { id: effectNodeId });
      if (!node) throw new NotFoundProblem('effect node', effectNodeId);
      await lockChainForWrite(em, ctx.actor, node);
      // FOR SHARE: a level change waits until the link is in, and is then judged with it.
      const locked = await queryRow(em, SHARE_NODE_LEVEL_SQL, [effectNodeId]);
      if (!locked) throw new NotFoundProblem('effect node', effectNodeId);
      if (!MEASURABLE_LEVELS.includes(locked.level)) {
        throw new RuleViolationProblem(`Indicators measure outcomes and impact; this node is an ${locked.level}.`, [
          { field: 'indicatorId', message: `a ${locked.level} node takes no indicator (only ${MEASURABLE_LEVELS.join(', ')})` },
        ]);
      }
      if (!(await em.existsBy(IndicatorEntity, { id: dto.indicatorId }))) throw new UnknownReferenceProblem([{ field: 'indicatorId', message: 'no indicator with this id' }]);
      const link = await queryRow(em, LINK_INDICATOR_SQL, [effectNodeId, dto.indicatorId]);
      if (!link) throw new ConflictProblem('The indicator is already linked to this node.', [{ field: 'indicatorId', message: 'already linked' }]);
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'indicator_effect_node',
        entityId: effectNodeId,
        initiativeId: node.initiativeId,
        after: { indicatorId: link.indicatorId, effectNodeId },
      });
      return link;
    });
  }

  async listValues(ctx: RequestContext, indicatorId: string, query: ListValuesQueryDto): Promise<Page<IndicatorValueDto>> {
    const indicator = await this.get(indicatorId);
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
    const indicator = await this.get(indicatorId);
    assertMayRecord(ctx.actor, indicator);
    const checked = checkValue(indicator, dto);
    if ('errors' in checked) throw new RuleViolationProblem(checked.errors.map((e) => `${e.field}: ${e.message}`).join('; '), checked.errors);
    return this.dataSource.transaction(async (em) => {
      const [row] = await this.insertValues(em, ctx, indicator, [checked.value]);
      if (!row) {
        throw new ConflictProblem(`A ${dto.kind} for ${checked.value.period}, cell ${checked.value.cell}, is already recorded.`, [
          { field: 'period', message: 'already recorded for this cell and kind' },
        ]);
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
    const indicator = await this.get(indicatorId);
    assertMayRecord(ctx.actor, indicator);
    if (typeof csv !== 'string') throw new ValidationProblem([{ field: 'body', message: 'send the file as text/csv' }]);
    const { values, errors } = await readImport(indicator, csv);
    if (errors.length > 0) throw new RuleViolationProblem(`The file has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was imported.`, errors);
    return this.dataSource.transaction(async (em) => {
      const rows = await this.insertValues(em, ctx, indicator, values.map((v) => v.value));
      if (rows.length < values.length) {
        const stored = new Set(rows.map(pointKey));
        const conflicts = values.filter((v) => !stored.has(pointKey(v.value)));
        throw new ConflictProblem(
          `${conflicts.length} line${conflicts.length === 1 ? '' : 's'} repeat values already recorded; nothing was imported.`,
          conflicts.map((v) => ({ field: `lines[${v.line}]`, message: `a ${v.value.kind} for ${v.value.period}, cell ${v.value.cell}, is already recorded` })),
        );
      }
      return { written: rows.length };
    });
  }

  /** Every cell's series and the gaps (seriesAsSeen), with the titles of the indicator's Kolada KPIs; SQL groups the values. */
  async series(ctx: RequestContext, indicatorId: string): Promise<IndicatorSeriesDto> {
    const indicator = await this.get(indicatorId);
    const rows = await queryRows(this.dataSource, CELL_VALUES_SQL, [indicatorId]);
    const kolada = await queryRows(this.dataSource, KOLADA_TITLES_SQL, [indicatorId]);
    const { cells, gaps } = seriesAsSeen(ctx, indicator, rows);
    return { indicator, cells, gaps, kolada };
  }

  /**
   * A page of indicators, by code, each with its whole population's series (cell `all`): baseline, latest actual,
   * targets with progress and Sweden's figures, as GET /indicators/{id}/series gives that cell, small counts suppressed
   * the same way. The page (as GET /indicators reads it), then one statement for the values of all its indicators.
   */
  async overview(ctx: RequestContext, query: ListIndicatorsQueryDto): Promise<Page<IndicatorOverviewDto>> {
    const page = await this.list(query);
    const rows = await queryRows(this.dataSource, ALL_CELL_VALUES_SQL, [page.items.map((indicator) => indicator.id)]);
    const byIndicator = new Map(rows.map((row) => [row.indicator_id, row]));
    const none: RawCellValues = { cell: 'all', baselines: [], targets: [], actuals: [], sweden: [] };
    const items = page.items.map((indicator) => ({ indicator, series: seriesAsSeen(ctx, indicator, [byIndicator.get(indicator.id) ?? none]).cells[0] }));
    return { ...page, items };
  }

  async get(id: string): Promise<IndicatorEntity> {
    const indicator = await this.dataSource.getRepository(IndicatorEntity).findOneBy({ id });
    if (!indicator) throw new NotFoundProblem('indicator', id);
    return indicator;
  }

  /**
   * Inserts the values in one statement; a value whose (period, cell, kind) is taken is skipped and not returned. Values
   * entered here are the municipality's (the column's default): only the Kolada import stores Sweden's.
   */
  private async insertValues(em: EntityManager, ctx: RequestContext, indicator: IndicatorEntity, values: NewValue[]): Promise<IndicatorValueEntity[]> {
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
      rows.map((row) => ({ action: 'create' as const, entityType: 'indicator_value', entityId: row.id, after: toValueDto(row, true) })),
    );
    return rows;
  }
}


/**
 * Per cell, baseline, targets with progress and actuals, and the gaps between cells, all from the municipality's
 * values; beside them Sweden's actuals (Kolada's 0000) to compare with. Suppression and progress are the pure
 * functions', applied in that order so nothing is computed from a hidden figure.
 */
function seriesAsSeen(ctx: RequestContext, indicator: IndicatorEntity, rows: RawCellValues[]) {
  const visible = maySeeSmallCounts(ctx.actor, indicator.ownerDepartmentId);
  const shown = (list: RawPoint[]): SeriesPoint[] =>
    list.map((p) => {
      const { value, suppressed: hidden } = suppressed({ value: p.value, numerator: null, denominator: null, persons: p.persons }, visible);
      return { period: p.period, value, suppressed: hidden };
    });
  const { cells, gaps } = buildSeries(
    indicator.direction,
    rows.map((r) => ({ cell: r.cell, baselines: shown(r.baselines), targets: shown(r.targets), actuals: shown(r.actuals) })),
  );
  // Sweden's figures rest on the whole country's population: nothing to suppress.
  const sweden = new Map(rows.map((r) => [r.cell, r.sweden.map(({ period, value }) => ({ period, value }))]));
  return { cells: cells.map((c) => ({ ...c, sweden: sweden.get(c.cell) ?? [] })), gaps };
}


function assertMayRecord(actor: Actor, indicator: IndicatorEntity): void {
  if (!mayWriteForDepartments(actor, [indicator.ownerDepartmentId])) {
    throw refused(actor, "An indicator's values are recorded by its owning department.");
  }
}

/** Kolada KPI ids for a Kolada indicator only (and required there), keyed by cells the indicator supports. */
function checkedKoladaKpis(source: string, kpis: Record<string, string> | null, breakdowns: readonly Breakdown[]): Record<string, string> | null {
  if ((source === 'kolada') !== (kpis !== null && Object.keys(kpis).length > 0)) {
    throw new RuleViolationProblem('A Kolada indicator names its Kolada KPI ids per breakdown cell; other sources name none.', [
      { field: 'koladaKpis', message: source === 'kolada' ? 'required for a Kolada indicator' : 'only for indicators sourced from Kolada' },
    ]);
  }
  if (kpis === null) return null;
  const malformed = Object.entries(kpis).filter(([, id]) => typeof id !== 'string' || !KOLADA_KPI_ID.test(id));
  if (malformed.length > 0) throw new ValidationProblem(malformed.map(([cell]) => ({ field: `koladaKpis.${cell}`, message: 'must be a Kolada KPI id such as N02267' })));
  const cells: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [key, id] of Object.entries(kpis)) {
    const result = canonicalCell(key, breakdowns);
    if (result.error !== undefined) errors.push({ field: `koladaKpis.${key}`, message: result.error });
    else if (result.cell in cells) errors.push({ field: `koladaKpis.${key}`, message: `names the cell ${result.cell} again` });
    else cells[result.cell] = id;
  }
  if (errors.length > 0) throw new RuleViolationProblem('Every Kolada KPI must belong to a breakdown cell the indicator supports.', errors);
  return cells;
}

/** The indicator-dependent checks of a value: its cell against the breakdowns, its share against the unit. */
function checkValue(indicator: IndicatorEntity, dto: CreateIndicatorValueDto): { value: NewValue } | { errors: FieldError[] } {
  const cell = canonicalCell(dto.cell ?? 'all', indicator.breakdowns);
  const errors = [...(cell.error !== undefined ? [{ field: 'cell', message: cell.error }] : []), ...shareProblems(indicator.unit, dto)];
  if (cell.cell === undefined || errors.length > 0) return { errors };
  const { start, end } = periodRange(dto.period);
  return {
    value: {
      kind: dto.kind,
      period: dto.period,
      periodStart: start,
      periodEnd: end,
      cell: cell.cell,
      value: dto.value,
      numerator: dto.numerator ?? null,
      denominator: dto.denominator ?? null,
      persons: dto.persons ?? null,
      sourceNote: dto.sourceNote ?? null,
    },
  };
}

/** Every line through the same checks as a single value, plus the header and repeats within the file. */
async function readImport(indicator: IndicatorEntity, text: string): Promise<{ values: { line: number; value: NewValue }[]; errors: FieldError[] }> {
  const { lines, errors: syntax } = parseCsv(text);
  const errors: FieldError[] = syntax.map((e) => ({ field: `lines[${e.line}]`, message: e.message }));
  const [header, ...body] = lines;
  if (!header || header.fields.map((f) => f.toLowerCase()).join(',') !== IMPORT_COLUMNS.join(',')) {
    return { values: [], errors: [{ field: `lines[${header?.line ?? 1}]`, message: `the first line must name the columns: ${IMPORT_COLUMNS.join(',')}` }, ...errors] };
  }
  if (body.length === 0 && errors.length === 0) return { values: [], errors: [{ field: 'lines', message: 'the file has no values' }] };
  const values: { line: number; value: NewValue }[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of body) {
    const at = (field: string) => `lines[${line}].${field}`;
    if (fields.length !== IMPORT_COLUMNS.length) {
      errors.push({ field: `lines[${line}]`, message: `has ${fields.length} fields, not ${IMPORT_COLUMNS.length}` });
      continue;
    }
    const [period, cell, kind, value, numerator, denominator, persons] = fields;
    const dto = plainToInstance(CreateIndicatorValueDto, {
      period,
      cell: cell === '' ? undefined : cell,
      kind,
      value: asNumber(value),
      numerator: asNumber(numerator),
      denominator: asNumber(denominator),
      persons: asNumber(persons),
    });
    const invalid = await validate(dto);
    if (invalid.length > 0) {
      errors.push(...invalid.map((e) => ({ field: at(e.property), message: Object.values(e.constraints ?? {}).join('; ') })));
      continue;
    }
    const checked = checkValue(indicator, dto);
    if ('errors' in checked) {
      errors.push(...checked.errors.map((e) => ({ field: at(e.field), message: e.message })));
      continue;
    }
    const key = pointKey(checked.value);
    const earlier = seen.get(key);
    if (earlier !== undefined) errors.push({ field: `lines[${line}]`, message: `repeats line ${earlier} (same period, cell and kind)` });
    else seen.set(key, line);
    values.push({ line, value: checked.value });
  }
  return { values, errors: errors.sort((a, b) => lineOf(a) - lineOf(b)) };
}

const lineOf = (e: FieldError) => Number(/\[(\d+)\]/.exec(e.field)?.[1] ?? 0);

/** An empty field is no figure; a numeral is a number; anything else stays text for the validator to refuse. */
function asNumber(field: string): number | string | null {
  if (field === '') return null;
  return /^-?\d+(\.\d+)?$/.test(field) ? Number(field) : field;
}

const pointKey = (v: { period: string; cell: string; kind: string }) => `${v.period}|${v.cell}|${v.kind}`;

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
