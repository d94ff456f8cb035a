import { Logger } from '@nestjs/common';
import type { Actor } from '../actor.js';
import { ForbiddenProblem } from './auth.problems.js';

const logger = new Logger('Access');

/**
 * A write refused on the record's own rules (not by the permission guard), logged like the guard's refusals (refused
 * writes are logged), then answered 403. Every context checking its records' access throws it.
 */
export function refused(actor: Actor, detail: string): ForbiddenProblem {
  logger.warn({ actor: { kind: actor.kind, id: actor.id }, detail }, 'Refused: not allowed on this record');
  return new ForbiddenProblem(detail);
}
