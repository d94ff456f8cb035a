import { HttpStatus } from '@nestjs/common';
import { DomainException } from '#common';

export class UnauthenticatedProblem extends DomainException {
  /**
   * @param suspicious false when the refusal shows no guessing: no credential was sent, the token is genuine but
   * expired or carries claims Samla cannot keep, or the provider's keys could not be had. Only suspicious refusals
   * count towards AUTH_FAILURE_LIMIT_PER_MINUTE.
   */
  constructor(
    detail: string,
    readonly suspicious = true,
  ) {
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
