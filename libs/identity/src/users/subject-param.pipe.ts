import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationProblem } from '#common';

const MAX_SUBJECT_LENGTH = 200;

/** A provider's user id is opaque text; only its length (the column's) and the absence of control characters are checked. */
@Injectable()
export class SubjectParam implements PipeTransform<string, string> {
  transform(value: string): string {
    // Control characters are exactly what this refuses, so the pattern has to name them.
    // eslint-disable-next-line no-control-regex
    if (value.length === 0 || value.length > MAX_SUBJECT_LENGTH || /[\u0000-\u001f\u007f]/.test(value)) {
      throw new ValidationProblem(
        [{ field: 'subject', message: `must be 1–${MAX_SUBJECT_LENGTH} characters without control characters` }],
        'path',
      );
    }
    return value;
  }
}
