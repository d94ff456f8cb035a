import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { AuthFailureLimiter, PUBLIC_KEY, REDIS_CLIENT, type AppConfig } from '#common';
import type { Actor, UserActor } from '../actor.js';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { hasPermission, type Permission } from '../permissions.js';
import { TokenVerifier } from '../tokens/token-verifier.js';
import { UsersService } from '../users/users.service.js';
import { PERMISSION_KEY, SIGNED_IN_KEY } from './auth.decorators.js';
import { AmbiguousCredentialsProblem, ForbiddenProblem, UnauthenticatedProblem } from './auth.problems.js';
import { claimNamesFrom, readClaims, type ClaimNames } from './claims.js';

type AuthenticatedRequest = Request & { actor?: Actor; id?: unknown };

/**
 * Global guard: every endpoint needs a verified identity and the permission it declares with @Requires (or only
 * the identity, with @SignedIn), unless it is @Public. An endpoint that declares none of them is refused to everybody,
 * so a forgotten decorator fails closed. People send a bearer token; machine clients send X-Api-Key; a request with
 * both is refused (400). An address whose credentials keep being refused is answered 429 for the rest of the minute
 * (see AuthFailureLimiter).
 */
@Injectable()
export class AuthenticationGuard implements CanActivate, OnModuleInit {
  private readonly logger = new Logger('Access');
  private readonly claims: ClaimNames;
  private readonly refusals: AuthFailureLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
    @Inject(REDIS_CLIENT) redis: Redis,
    config: ConfigService<AppConfig, true>,
  ) {
    this.claims = claimNamesFrom((variable) => config.get(variable));
    this.refusals = new AuthFailureLimiter(redis, config);
  }

  async onModuleInit() {
    await this.refusals.ready();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = await this.authenticate(request).catch(async (error: unknown) => {
      // RFC 9110 requires a 401 to name how to authenticate; RFC 6750 adds invalid_token when a token was refused.
      if (error instanceof UnauthenticatedProblem) {
        if (error.suspicious) await this.refusals.recordRefusal(addressOf(request));
        const refusedToken = request.headers.authorization !== undefined;
        context
          .switchToHttp()
          .getResponse<Response>()
          .setHeader('WWW-Authenticate', `Bearer realm="samla"${refusedToken ? ', error="invalid_token"' : ''}`);
      }
      throw error;
    });
    request.actor = actor;
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_IN_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission || !hasPermission(actor, permission)) {
      this.logger.warn(
        { actor: { kind: actor.kind, id: actor.id }, permission, method: request.method, path: request.originalUrl },
        'Refused: missing permission',
      );
      throw new ForbiddenProblem(
        permission
          ? `This needs the permission ${permission}, which your ${describe(actor)} does not give.`
          : 'This endpoint is closed.',
      );
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Actor> {
    const header = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
    if (header !== undefined && apiKey !== undefined) throw new AmbiguousCredentialsProblem();
    if (typeof apiKey !== 'string' && !header) {
      throw new UnauthenticatedProblem(
        'Send a bearer token from the identity provider (Authorization: Bearer <token>) or, for a machine client, X-Api-Key.',
        false,
      );
    }
    // Before the credential is checked, so an address over the limit costs no signature check or key lookup.
    await this.refusals.assertBelowLimit(addressOf(request));
    return typeof apiKey === 'string' ? this.apiKeys.authenticate(apiKey) : this.person(header ?? '');
  }

  private async person(header: string): Promise<UserActor> {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      throw new UnauthenticatedProblem('The Authorization header must be "Bearer <token>".');
    const claims = readClaims(await this.tokens.verify(token), this.claims);
    return {
      kind: 'user',
      id: claims.id,
      name: claims.name,
      email: claims.email,
      roles: claims.roles,
      departmentId: await this.users.departmentIdFor(claims.id, claims.departmentCode),
    };
  }
}

function addressOf(request: Request): string {
  return request.ip ?? 'unknown';
}

function describe(actor: Actor): string {
  return actor.kind === 'api_key'
    ? `API key's scopes (${actor.scopes.join(', ') || 'none'})`
    : `roles (${actor.roles.join(', ') || 'none'})`;
}
