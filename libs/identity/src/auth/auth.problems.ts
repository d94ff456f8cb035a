import { HttpStatus } from '@nestjs/common';
import { DomainException } from '#common';

export class UnauthenticatedProblem extends DomainException {
  constructor(detail: string) {
    super(HttpStatus.UNAUTHORIZED, '/problems/unauthenticated', 'Not signed in', detail);
  }
}

export class ForbiddenProblem extends DomainException {
  constructor(detail: string) {
    super(HttpStatus.FORBIDDEN, '/problems/forbidden', 'Not allowed', detail);
  }
}
