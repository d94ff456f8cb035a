import { HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class FieldErrorDto {
  @ApiProperty({
    example: 'leadDepartmentId',
    description: 'Path of the offending field; array items as `goalIds[1]`.',
  })
  field: string;

  @ApiProperty({ example: 'no department with this id' })
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class ProblemDetailsDto {
  @ApiProperty({ example: '/problems/validation', description: 'URI reference naming the kind of problem.' })
  type: string;

  @ApiProperty({ example: 'Invalid request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'The request body has 2 invalid fields.' })
  detail: string;

  @ApiPropertyOptional({ example: '/api/v1/initiatives' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Every invalid field, for invalid input.' })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ description: 'Unexpected failures only: quote it to support; it is in the log too.' })
  errorId?: string;

  @ApiPropertyOptional({ description: 'Lifecycle moves only: every unmet guard.', type: [String] })
  unmetGuards?: string[];

  @ApiPropertyOptional({
    description: 'Readiness only: the state of each dependency.',
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['up', 'down'] } },
      additionalProperties: true,
    },
    example: { database: { status: 'up' }, redis: { status: 'down' } },
  })
  checks?: Record<string, unknown>;
}

export type FieldError = { field: string; message: string };

/**
 * A refusal that the domain decides (not found, conflict, unmet guard …). Each context subclasses it with its own
 * codes; the problem-details filter turns it into HTTP in one place.
 */
export class DomainException extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; unmetGuards?: string[]; checks?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class NotFoundProblem extends DomainException {
  constructor(entity: string, id: string) {
    super(HttpStatus.NOT_FOUND, '/problems/not-found', 'Not found', `No ${entity} with id ${id}.`);
  }
}

/** A reference to another record that does not exist: the request is well-formed but cannot be carried out. */
export class UnknownReferenceProblem extends DomainException {
  constructor(errors: FieldError[]) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      '/problems/unknown-reference',
      'Unknown reference',
      errors.length === 1
        ? `${errors[0].field}: ${errors[0].message}.`
        : `${errors.length} references point at nothing.`,
      { errors },
    );
  }
}

export class RuleViolationProblem extends DomainException {
  constructor(detail: string, errors: FieldError[] = []) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, '/problems/rule-violation', 'Rule violated', detail, { errors });
  }
}

export class ConflictProblem extends DomainException {
  constructor(detail: string, errors: FieldError[] = []) {
    super(HttpStatus.CONFLICT, '/problems/conflict', 'Conflict', detail, { errors });
  }
}

export class ValidationProblem extends DomainException {
  constructor(errors: FieldError[], where = 'request') {
    super(
      HttpStatus.BAD_REQUEST,
      '/problems/validation',
      'Invalid request',
      errors.length === 1
        ? `The ${where} has an invalid field: ${errors[0].field}.`
        : `The ${where} has ${errors.length} invalid fields.`,
      { errors },
    );
  }
}

/** Over a rate limit. The problem-details filter sends Retry-After with it. */
export class TooManyRequestsProblem extends DomainException {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, '/problems/rate-limited', 'Too many requests', detail);
  }
}
