import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiProblems } from '#common';
import type { Request } from 'express';
import type { RequestContext } from '../actor.js';
import type { Permission } from '../permissions.js';

export const PERMISSION_KEY = 'samla:permission';
export const SIGNED_IN_KEY = 'samla:signed-in';

/**
 * The permission an endpoint needs. An endpoint without one (and not public) is refused to everybody. Also
 * documents the answers every guarded endpoint can give: 401, 403 and 429.
 */
export const Requires = (permission: Permission) =>
  applyDecorators(SetMetadata(PERMISSION_KEY, permission), ApiProblems(401, 403, 429));

/**
 * Any verified identity may call the endpoint, whatever its roles or scopes (`GET /me`, which tells callers what they
 * may do). Documents 401 and 429; no permission is checked, so there is no 403.
 */
export const SignedIn = () => applyDecorators(SetMetadata(SIGNED_IN_KEY, true), ApiProblems(401, 429));

/** The signed-in actor and the request id, for services that check records and write the audit trail. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  // pino-http sets the id (genReqId in pino-http.options.ts).
  const request = context.switchToHttp().getRequest<Request & { actor?: RequestContext['actor']; id?: string }>();
  if (!request.actor) throw new Error('Ctx used on an endpoint without authentication');
  return { actor: request.actor, requestId: String(request.id ?? '') };
});
