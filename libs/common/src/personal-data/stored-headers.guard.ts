import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { PersonalDataProblem, personalDataFields } from './personal-data.pipe.js';

/** Request headers whose values Samla keeps: the request id is in every log line and, with each change, the audit trail. */
export const STORED_HEADERS = ['X-Request-Id'];

/**
 * Refuses a request whose stored headers hold a personal identity or coordination number, with the same 422 as
 * PersonalDataPipe gives for a body. A guard, because headers reach no pipe. The request id is never adopted from
 * such a header in the first place (see pinoHttpOptions), so not even the log of the refusal holds the number.
 */
@Injectable()
export class StoredHeadersGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const { headers } = context.switchToHttp().getRequest<IncomingMessage>();
    const errors = STORED_HEADERS.flatMap((name) => personalDataFields(headers[name.toLowerCase()], name));
    if (errors.length > 0) throw new PersonalDataProblem(errors);
    return true;
  }
}
