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

/** Both a bearer token and an API key: which identity acts would be a guess, and a client sending both has a bug. */
export class AmbiguousCredentialsProblem extends DomainException {
  constructor() {
    super(
      HttpStatus.BAD_REQUEST,
      '/problems/ambiguous-credentials',
      'Two identities',
      'Send either Authorization: Bearer <token> (a person) or X-Api-Key (a machine client), not both.',
    );
  }
}
