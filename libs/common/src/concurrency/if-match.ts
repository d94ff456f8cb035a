import { createParamDecorator, HttpStatus, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainException } from '../problem-details/problem.js';

export class PreconditionRequiredProblem extends DomainException {
  constructor() {
    super(
      HttpStatus.PRECONDITION_REQUIRED,
      '/problems/precondition-required',
      'If-Match required',
      'Send the ETag from your last read in an If-Match header, so you cannot overwrite a change you have not seen.',
    );
  }
}

export class PreconditionFailedProblem extends DomainException {
  constructor(entity: string) {
    super(
      HttpStatus.PRECONDITION_FAILED,
      '/problems/precondition-failed',
      'Stale version',
      `The ${entity} has changed since you read it. Read it again, reapply your change and send the new ETag.`,
    );
  }
}

export function etagFor(version: number) {
  return `"${version}"`;
}

/** The version a client read, from `If-Match: "3"` (weak `W/"3"` accepted). Missing → 428; unparsable never matches. */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw new PreconditionRequiredProblem();
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return match ? Number(match[1]) : -1;
}

export const IfMatchVersion = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  parseIfMatch(ctx.switchToHttp().getRequest<Request>().header('if-match')),
);
