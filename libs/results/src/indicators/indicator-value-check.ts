import type { FieldError } from '#common';
import type { CreateIndicatorValueDto } from './dto/indicator.dto.js';
import { canonicalCell, periodRange, shareProblems } from './indicator-value.rules.js';
import type { IndicatorEntity, IndicatorValueEntity } from './indicator.entity.js';

/** A value ready to store: checked, its cell canonical, its period's days worked out. */
export type NewValue = Omit<
  IndicatorValueEntity,
  'id' | 'indicatorId' | 'indicator' | 'area' | 'version' | 'createdAt' | 'updatedAt'
>;

/** The indicator-dependent checks of a value: its cell against the breakdowns, its share against the unit. */
export function checkValue(
  indicator: IndicatorEntity,
  dto: CreateIndicatorValueDto,
): { value: NewValue } | { errors: FieldError[] } {
  const cell = canonicalCell(dto.cell ?? 'all', indicator.breakdowns);
  const errors = [
    ...(cell.error !== undefined ? [{ field: 'cell', message: cell.error }] : []),
    ...shareProblems(indicator.unit, dto),
  ];
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

/** A value's identity: one per period, cell and kind. */
export const pointKey = (v: { period: string; cell: string; kind: string }) => `${v.period}|${v.cell}|${v.kind}`;
