import { HttpStatus, type ArgumentMetadata, type Paramtype, type PipeTransform } from '@nestjs/common';
import { DomainException, type FieldError } from '../problem-details/problem.js';
import { findIdentityNumbers, type IdentityNumberKind } from './personal-identity-number.js';

/** What a field holding an identity number is told (never the number: the answer may end up in a log). */
export const PERSONAL_DATA_MESSAGES: Record<IdentityNumberKind, string> = {
  personal_identity_number:
    'looks like a Swedish personal identity number; personal data about residents must not be entered',
  coordination_number: 'looks like a Swedish coordination number; personal data about residents must not be entered',
};

/** 422 naming the offending fields. Neither detail nor errors repeat the number: the answer may end up in a log. */
export class PersonalDataProblem extends DomainException {
  constructor(errors: FieldError[]) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      '/problems/personal-data',
      'Personal data refused',
      `Personal data about residents must not be entered in Samla: ${
        errors.length === 1 ? `${errors[0].field} holds` : `${errors.length} fields hold`
      } what looks like a personal identity or coordination number. Describe groups, never a person.`,
      { errors },
    );
  }
}

/** Everything a handler can be given from the request and may store; `custom` arguments are the server's own. */
const CHECKED: ReadonlySet<Paramtype> = new Set(['body', 'query', 'param']);

/**
 * Refuses a request with a Swedish personal identity or coordination number in any string of its body, query or
 * path, at any depth. Registered after the validation pipe, so it sees only arguments whose shape is already valid
 * and answers 400 for bad input before 422 for personal data. No field is exempt: ids are UUIDs, which never match,
 * but codes may hold ten digits and a hyphen, and an identity number has no place in a code either. Headers reach
 * no pipe: StoredHeadersGuard checks the ones Samla keeps.
 */
export class PersonalDataPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!CHECKED.has(metadata.type)) return value;
    const errors = personalDataFields(value, metadata.data ?? '');
    if (errors.length > 0) throw new PersonalDataProblem(errors);
    return value;
  }
}

/**
 * The fields of a value (named from `path`; a bare string at the root is `body`) that hold an identity number.
 * Walks once, collecting into one array, and builds a field's name only when it holds one or is an object or array to
 * walk into: a body may be 50,000 budget lines of ten strings and numbers each.
 */
export function personalDataFields(value: unknown, path: string, errors: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    const kind = identityNumberIn(value);
    if (kind) errors.push(personalDataError(path, kind));
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === 'string') {
        const kind = identityNumberIn(item);
        if (kind) errors.push(personalDataError(`${path}[${index}]`, kind));
      } else if (item !== null && typeof item === 'object') personalDataFields(item, `${path}[${index}]`, errors);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item === 'string') {
        const kind = identityNumberIn(item);
        if (kind) errors.push(personalDataError(member(path, key), kind));
      } else if (item !== null && typeof item === 'object') personalDataFields(item, member(path, key), errors);
    }
  }
  return errors;
}

const identityNumberIn = (text: string): IdentityNumberKind | undefined => findIdentityNumbers(text)[0];
const member = (path: string, key: string) => (path ? `${path}.${key}` : key);
const personalDataError = (path: string, kind: IdentityNumberKind): FieldError => ({
  field: path || 'body',
  message: PERSONAL_DATA_MESSAGES[kind],
});
