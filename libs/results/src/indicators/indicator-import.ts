import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parseCsv, type FieldError } from '#common';
import { CreateIndicatorValueDto } from './dto/indicator.dto.js';
import { checkValue, pointKey, type NewValue } from './indicator-value-check.js';
import type { IndicatorEntity } from './indicator.entity.js';

/** The columns of a CSV import, in order (the first line must name them). */
export const IMPORT_COLUMNS = ['period', 'cell', 'kind', 'value', 'numerator', 'denominator', 'persons'] as const;

/** Every line through the same checks as a single value, plus the header and repeats within the file. */
export async function readImport(
  indicator: IndicatorEntity,
  text: string,
): Promise<{ values: { line: number; value: NewValue }[]; errors: FieldError[] }> {
  const { lines, errors: syntax } = parseCsv(text);
  const errors: FieldError[] = syntax.map((e) => ({ field: `lines[${e.line}]`, message: e.message }));
  const [header, ...body] = lines;
  if (!header || header.fields.map((f) => f.toLowerCase()).join(',') !== IMPORT_COLUMNS.join(',')) {
    return {
      values: [],
      errors: [
        {
          field: `lines[${header?.line ?? 1}]`,
          message: `the first line must name the columns: ${IMPORT_COLUMNS.join(',')}`,
        },
        ...errors,
      ],
    };
  }
  if (body.length === 0 && errors.length === 0)
    return { values: [], errors: [{ field: 'lines', message: 'the file has no values' }] };
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
      errors.push(
        ...invalid.map((e) => ({ field: at(e.property), message: Object.values(e.constraints ?? {}).join('; ') })),
      );
      continue;
    }
    const checked = checkValue(indicator, dto);
    if ('errors' in checked) {
      errors.push(...checked.errors.map((e) => ({ field: at(e.field), message: e.message })));
      continue;
    }
    const key = pointKey(checked.value);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      errors.push({ field: `lines[${line}]`, message: `repeats line ${earlier} (same period, cell and kind)` });
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
