import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiProblems } from '#common';
import type { Request } from 'express';
import type { RequestContext } from '../actor.js';
import type { Permission } from '../permissions.js';

export const PERMISSION_KEY = 'samla:permission';

/**
 * The permission an endpoint needs. An endpoint without one (and not public) is refused to everybody. Also
 * documents the answers every guarded endpoint can give: 401, 403 and 429.
 */
export const Requires = (permission: Permission) => applyDecorators(SetMetadata(PERMISSION_KEY, permission), ApiProblems(401, 403, 429));

/** The signed-in actor and the request id, for services that check records and write the audit trail. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<Request & { actor?: RequestContext['actor']; id?: unknown }>();
  if (!request.actor) throw new Error('Ctx used on an endpoint without authentication');
  return { actor: request.actor, requestId: String(request.id ?? '') };
});
