import { HttpStatus, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainException, ValidationProblem } from '../problem-details/problem.js';
import { CODE_PATTERN } from '../validation/validators.js';

/** A record as a path names it: by its id, or by its code (`/initiatives/SSPF`). */
export type RecordRef = { id: string } | { code: string };

/**
 * A path segment that takes an id or a code: a UUID is an id, an upper-case code (see IsCode) is a code, anything
 * else a 400 naming the parameter before any query runs. A code shaped like a UUID would be read as an id; codes are
 * short names such as ASF or FP-1, so none is.
 */
export function IdOrCodeParam(name = 'id'): PipeTransform<string, RecordRef> {
  return {
    transform(value: string): RecordRef {
      if (isUUID(value)) return { id: value };
      if (CODE_PATTERN.test(value)) return { code: value };
      throw new ValidationProblem(
        [{ field: name, message: 'must be a UUID or a code (upper-case letters A–Z, digits, - or _)' }],
        'path',
      );
    },
  };
}

/** The 404 for a record looked up by id or code, naming which one was asked for. */
export class RecordNotFoundProblem extends DomainException {
  constructor(noun: string, ref: RecordRef) {
    const [key, value] = 'id' in ref ? ['id', ref.id] : ['code', ref.code];
    super(HttpStatus.NOT_FOUND, '/problems/not-found', 'Not found', `No ${noun} with ${key} ${value}.`);
  }
}
