import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { JWTPayload } from 'jose';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PUBLIC_KEY, type AppConfig } from '#common';
import { ROLES, type Actor, type Role, type UserActor } from '../actor.js';
import { hasPermission, type Permission } from '../permissions.js';
import { TokenVerifier } from '../tokens/token-verifier.js';
import { PERMISSION_KEY } from './auth.decorators.js';
import { ForbiddenProblem, UnauthenticatedProblem } from './auth.problems.js';

type AuthenticatedRequest = Request & { actor?: Actor; id?: unknown };

/**
 * Global guard: every endpoint needs a verified identity and the permission it declares with @Requires, unless
 * it is @Public. An endpoint that declares neither is refused to everybody, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = await this.authenticate(request);
    request.actor = actor;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission || !hasPermission(actor, permission)) {
      this.logger.warn({ actor: { kind: actor.kind, id: actor.id }, permission, method: request.method, path: request.originalUrl }, 'Refused: missing permission');
      throw new ForbiddenProblem(permission ? `This needs the permission ${permission}, which your ${describe(actor)} does not give.` : 'This endpoint is closed.');
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Actor> {
    const header = request.headers.authorization;
    if (!header) throw new UnauthenticatedProblem('Send a bearer token from the identity provider: Authorization: Bearer <token>.');
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthenticatedProblem('The Authorization header must be "Bearer <token>".');
    return this.toUser(await this.tokens.verify(token));
  }

  private async toUser(payload: JWTPayload): Promise<UserActor> {
    const c = this.config;
    const claim = (name: keyof AppConfig) => payload[c.get(name) as string];
    const rawRoles = claim('AUTH_CLAIM_ROLES');
    const roles = (Array.isArray(rawRoles) ? rawRoles : typeof rawRoles === 'string' ? rawRoles.split(/[\s,]+/) : []).filter((r): r is Role =>
      (ROLES as readonly unknown[]).includes(r),
    );
    const departmentCode = claim('AUTH_CLAIM_DEPARTMENT');
    return {
      kind: 'user',
      id: String(claim('AUTH_CLAIM_USER_ID')),
      name: asText(claim('AUTH_CLAIM_NAME')),
      email: asText(claim('AUTH_CLAIM_EMAIL')),
      roles,
      departmentId: typeof departmentCode === 'string' ? await this.departmentIdForCode(departmentCode) : null,
    };
  }

  /** A read of reference data's table (docs/adr/0003-cross-context-reads.md): identity must not depend on a context that depends on it. */
  private async departmentIdForCode(code: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT id FROM departments WHERE code = $1`, [code])) as { id: string }[];
    return row?.id ?? null;
  }
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function describe(actor: Actor): string {
  return actor.kind === 'api_key' ? `API key's scopes (${actor.scopes.join(', ') || 'none'})` : `roles (${actor.roles.join(', ') || 'none'})`;
}
