import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationProblem } from '../problem-details/problem.js';

/** Path ids are UUIDs; anything else is a 400 naming the parameter, before any query runs. */
export function UuidParam(name = 'id') {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ValidationProblem([{ field: name, message: 'must be a UUID' }], 'path'),
  });
}
