import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DomainException, PROBLEM_CONTENT_TYPE, TooManyRequestsProblem, type FieldError } from './problem.js';
import { redactUrl } from '../http/redact-url.js';

type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  unmetGuards?: string[];
  errorId?: string;
};

/** Turns every error, ours or the framework's or the database's, into `application/problem+json`. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    this.respond(exception, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }

  /** Also for errors that arise outside Nest's exception layer (see UnmatchedRoutesModule). */
  respond(exception: unknown, request: Request, response: Response): void {
    const error = unwrap(exception);
    const problem = this.toProblem(error);
    // Redacted: a path the personal-data guard refused would otherwise be answered with the number in it.
    problem.instance = request.originalUrl === undefined ? undefined : redactUrl(request.originalUrl.split('?')[0]);
    // A 5xx the domain decided on (e.g. not ready) is expected; anything else is a failure to trace.
    if (problem.status >= 500 && !(error instanceof DomainException)) {
      problem.errorId = randomUUID();
      this.logger.error({ err: error, errorId: problem.errorId }, `Unexpected failure ${problem.errorId}`);
    }
    if (response.headersSent) return;
    if (error instanceof TooManyRequestsProblem) response.setHeader('Retry-After', error.retryAfterSeconds);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainException) {
      return {
        type: exception.type,
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        ...exception.extra,
      };
    }
    if (exception instanceof QueryFailedError) return fromDatabaseError(exception as QueryFailedError<Error>);
    if (exception instanceof HttpException) return fromHttpException(exception);
    // Errors raised by Express's body parser before Nest sees the request (malformed JSON, body too large).
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return fromStatus(status, bodyParserDetail(exception as { type?: string; limit?: number }, status));
    }
    return fromStatus(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'Something went wrong on our side. Quote the errorId when you report it.',
    );
  }
}

/**
 * Express hands an error raised in middleware (the body parsers' checks, see body-parsers.ts) to Nest wrapped in an
 * HttpException; the refusal that was raised is the one to answer.
 */
function unwrap(exception: unknown): unknown {
  return exception instanceof HttpException && exception.cause instanceof DomainException ? exception.cause : exception;
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const cause = (exception as { cause?: { type?: string; limit?: number } }).cause;
  const detail = cause?.type
    ? bodyParserDetail(cause, status)
    : Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : exception.message;
  return fromStatus(
    status,
    status === (HttpStatus.NOT_FOUND as number) && /Cannot \w+ /.test(detail)
      ? `No route: ${detail.replace(/^Cannot /, '')}.`
      : detail,
  );
}

function bodyParserDetail(error: { type?: string; limit?: number }, status: number): string {
  switch (error.type) {
    case 'entity.parse.failed':
      return 'The request body is not valid JSON.';
    case 'entity.too.large':
      return `The request body is larger than the limit of ${error.limit ?? 1048576} bytes.`;
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return 'The request body uses an unsupported encoding; send UTF-8.';
    default:
      return STATUS_CODES[status] ?? 'Bad request';
  }
}

function fromStatus(status: number, detail: string): Problem {
  const title = STATUS_CODES[status] ?? 'Error';
  return { type: status >= 500 ? '/problems/internal' : `/problems/${slug(title)}`, title, status, detail };
}

function slug(text: string) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Constraint violations that slipped past the services' own checks (e.g. a race between two requests). */
function fromDatabaseError(error: QueryFailedError<Error>): Problem {
  const driverError = error.driverError as { code?: string; detail?: string; constraint?: string };
  const column = /Key \(([^)]+)\)=/.exec(driverError.detail ?? '')?.[1];
  const field = column ? camel(column.split(',')[0].trim()) : (driverError.constraint ?? 'unknown');
  switch (driverError.code) {
    case '23505':
      return {
        ...fromStatus(HttpStatus.CONFLICT, `A record with this ${field} already exists.`),
        errors: [{ field, message: 'already exists' }],
      };
    case '23503':
      return {
        type: '/problems/unknown-reference',
        title: 'Unknown reference',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: `${field} points at a record that does not exist.`,
        errors: [{ field, message: 'no such record' }],
      };
    case '23514':
    case '23P01':
      return {
        type: '/problems/rule-violation',
        title: 'Rule violated',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: `The change breaks the rule ${driverError.constraint ?? ''}.`.replace(' .', '.'),
      };
    case '40001':
    case '40P01':
      return fromStatus(HttpStatus.CONFLICT, 'The record was changed by someone else at the same time; try again.');
    default:
      return fromStatus(
        HttpStatus.INTERNAL_SERVER_ERROR,
        'Something went wrong on our side. Quote the errorId when you report it.',
      );
  }
}

function camel(snake: string) {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
