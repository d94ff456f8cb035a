import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { ValidationProblem, type FieldError } from '../problem-details/problem.js';

// With the u flag a surrogate pair is one code point, so \p{Cs} matches only surrogates without their other half.
const ILL_FORMED = /[\0\p{Cs}]/u;

/**
 * Why a text cannot be stored, or null when it can: PostgreSQL refuses U+0000 in text (the request would end in a
 * 500), and a lone UTF-16 surrogate has no UTF-8 form (it would be stored as U+FFFD, silently changed).
 */
export function illFormedTextReason(text: string): string | null {
  const found = ILL_FORMED.exec(text)?.[0];
  if (found === undefined) return null;
  return found === '\0'
    ? 'must not contain the NUL character (U+0000)'
    : 'must not contain a lone surrogate (\\ud800–\\udfff without its pair)';
}

/**
 * Every string in `value`, keys included, that cannot be stored; fields are named as the validation pipe names them.
 * A body that is itself a string (a CSV file) is the field `body`.
 */
export function findIllFormedText(value: unknown, path = typeof value === 'string' ? 'body' : ''): FieldError[] {
  if (typeof value === 'string') {
    const message = illFormedTextReason(value);
    return message ? [{ field: path, message }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => findIllFormedText(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const field = path ? `${path}.${key}` : key;
    const message = illFormedTextReason(key);
    return [...(message ? [{ field, message: `has a name that ${message}` }] : []), ...findIllFormedText(item, field)];
  });
}

const WHERE = { query: 'query', param: 'path', body: 'body' } as const;

/**
 * Refuses the NUL character and lone surrogates in query and path parameters, and in bodies that arrive as text
 * (CSV), for every endpoint at once. JSON bodies are checked while they are parsed (see http/body-parsers.ts), where it costs
 * a scan the parser's hook makes anyway instead of another walk of a 50,000-line batch.
 */
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, { type, data }: ArgumentMetadata) {
    if (type === 'custom' || (type === 'body' && typeof value !== 'string')) return value;
    const errors = findIllFormedText(value, data);
    if (errors.length > 0) throw new ValidationProblem(errors, WHERE[type]);
    return value;
  }
}
