import { HttpStatus, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainException, type FieldError } from '../problem-details/problem.js';
import { findIdentityNumbers, type IdentityNumberKind } from './personal-identity-number.js';

const FIELD_MESSAGES: Record<IdentityNumberKind, string> = {
  personal_identity_number: 'looks like a Swedish personal identity number; personal data about residents must not be entered',
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

/**
 * Refuses a request body with a Swedish personal identity or coordination number in any string, at any depth.
 * Registered after the validation pipe, so it sees only bodies whose shape is already valid and answers 400 for
 * bad input before 422 for personal data. No field is exempt: ids are UUIDs, which never match, but codes may
 * hold ten digits and a hyphen, and an identity number has no place in a code either.
 */
export class PersonalDataPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    const errors = offendingFields(value, '');
    if (errors.length > 0) throw new PersonalDataProblem(errors);
    return value;
  }
}

/** Walks the body once, collecting into one array (a body may be 50,000 budget lines). */
function offendingFields(value: unknown, path: string, errors: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    const [kind] = findIdentityNumbers(value);
    if (kind) errors.push({ field: path || 'body', message: FIELD_MESSAGES[kind] });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => offendingFields(item, `${path}[${index}]`, errors));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) offendingFields(item, path ? `${path}.${key}` : key, errors);
  }
  return errors;
}
