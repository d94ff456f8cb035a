import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, queryRow, queryRows, REDIS_CLIENT, type AppConfig } from '#common';
import type { Role } from '../actor.js';
import { DEPARTMENT_BY_CODE_SQL, DEPARTMENTS_SQL, type DepartmentRow } from '../departments.sql.js';
import {
  DEVELOPMENT_JWKS_PATH,
  DEVELOPMENT_TOKEN_HOURS,
  DevelopmentIssuer,
  developmentOidcIssuer,
  type DevelopmentTokenClaims,
} from '../tokens/development-issuer.js';
import type { AuthorizationRequest } from './authorization-request.js';
import { verifiesChallenge } from './pkce.js';
import { allowedRedirectOrigins } from './redirects.js';

/** An authorization code lives a minute (RFC 6749 §4.1.2 recommends at most ten) and is redeemed once. */
export const CODE_TTL_SECONDS = 60;
/** Access and ID tokens: an hour; the web app renews them with its refresh token. */
export const ACCESS_TOKEN_SECONDS = 3600;
/** A sign-in (its refresh tokens) lasts a working day from the moment the person signed in, as `npm run token`'s tokens. */
export const SESSION_SECONDS = DEVELOPMENT_TOKEN_HOURS * 3600;

/**
 * Redis, not the process's memory: the API runs as several replicas, and the code issued by one is redeemed at
 * another. Codes and refresh tokens are stored under their SHA-256, so a copy of Redis holds nothing to redeem.
 */
const KEY_PREFIX = 'samla:dev-oidc:';

export type OAuthErrorCode =
  'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope';

/** RFC 6749 §5.2: answered 400 as `{ error, error_description }`, not as problem+json, which OAuth clients do not read. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

export type TokenResponse = {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  id_token?: string;
  refresh_token?: string;
};

export type Department = DepartmentRow;

/** One sign-in: who the person chose to be, for which client, until when. Its refresh tokens and codes point to it. */
type Session = {
  id: string;
  clientId: string;
  scope: string[];
  claims: DevelopmentTokenClaims & { sub: string };
  authTime: number;
  expiresAt: number;
};
type StoredCode = { session: Session; redirectUri: string; codeChallenge: string; nonce?: string; expiresAt: number };

/**
 * The development issuer as a minimal OpenID Provider, so the web app signs in with the same code (oidc-client-ts,
 * authorization code flow with PKCE) in development and the demo as in production. Only while AUTH_JWKS_URL is
 * unset; its controller answers 404 otherwise.
 */
@Injectable()
export class DevelopmentOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectOrigins: string[];
  private readonly origin: string;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly keys: DevelopmentIssuer,
    private readonly clock: Clock,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    const port = config.get('PORT', { infer: true });
    this.issuer = developmentOidcIssuer({ PUBLIC_URL: config.get('PUBLIC_URL', { infer: true }), PORT: port });
    this.origin = new URL(this.issuer).origin;
    this.clientId = config.get('OIDC_CLIENT_ID', { infer: true });
    this.redirectOrigins = allowedRedirectOrigins(this.origin, config.get('CORS_ORIGINS', { infer: true }));
  }

  /** OpenID Connect Discovery 1.0 §3: what oidc-client-ts reads to find the endpoints. */
  discovery() {
    const c = this.config;
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/authorize`,
      token_endpoint: `${this.issuer}/token`,
      jwks_uri: `${this.origin}${DEVELOPMENT_JWKS_PATH}`,
      end_session_endpoint: `${this.issuer}/logout`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      scopes_supported: ['openid', 'profile', 'offline_access'],
      claims_supported: [
        ...new Set([
          'sub',
          'name',
          'nonce',
          'auth_time',
          'sid',
          c.get('AUTH_CLAIM_NAME'),
          c.get('AUTH_CLAIM_ROLES'),
          c.get('AUTH_CLAIM_DEPARTMENT'),
        ]),
      ],
    };
  }

  /** Every department, as the sign-in page lists them (a read of reference data's table, docs/adr/0003). */
  async departments(): Promise<Department[]> {
    const rows = await queryRows(this.dataSource, DEPARTMENTS_SQL);
    const collator = new Intl.Collator('sv');
    return rows.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code));
  }

  async department(code: string): Promise<Department | null> {
    return (await queryRow(this.dataSource, DEPARTMENT_BY_CODE_SQL, [code])) ?? null;
  }

  /** The person chose who to be: a one-time code for the client, bound to its redirect URI, PKCE challenge and nonce. */
  async issueCode(
    request: AuthorizationRequest,
    person: { role: Role; department: string | null; name: string },
  ): Promise<string> {
    const now = this.clock.now().getTime();
    const session: Session = {
      id: randomUUID(),
      clientId: request.clientId,
      scope: request.scope,
      claims: {
        role: person.role,
        ...(person.department && { department: person.department }),
        name: person.name,
        sub: subjectFor(person),
      },
      authTime: Math.floor(now / 1000),
      expiresAt: now + SESSION_SECONDS * 1000,
    };
    const code = secret();
    const stored: StoredCode = {
      session,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      nonce: request.nonce,
      expiresAt: now + CODE_TTL_SECONDS * 1000,
    };
    await this.redis.set(key('code', code), JSON.stringify(stored), 'PX', CODE_TTL_SECONDS * 1000);
    return code;
  }

  /** `grant_type=authorization_code` (RFC 6749 §4.1.3 with RFC 7636 §4.6). The code is spent whatever follows. */
  async redeemCode(parameters: Record<string, unknown>): Promise<TokenResponse> {
    const code = required(parameters, 'code');
    const redirectUri = required(parameters, 'redirect_uri');
    this.assertClient(parameters);
    const raw = await this.redis.getdel(key('code', code));
    if (raw === null) {
      // RFC 6749 §4.1.2: a code used twice was stolen or replayed; what it was redeemed for is revoked.
      const sessionId = await this.redis.get(key('spent-code', code));
      if (sessionId !== null) await this.redis.del(key('session', sessionId));
      throw new OAuthError('invalid_grant', 'The authorization code is unknown, expired or already used.');
    }
    const stored = JSON.parse(raw) as StoredCode;
    const now = this.clock.now().getTime();
    if (now >= stored.expiresAt) throw new OAuthError('invalid_grant', 'The authorization code has expired.');
    if (stored.session.clientId !== parameters.client_id)
      throw new OAuthError('invalid_grant', 'The authorization code was issued to another client.');
    if (stored.redirectUri !== redirectUri)
      throw new OAuthError('invalid_grant', 'redirect_uri differs from the authorization request’s.');
    if (!verifiesChallenge(parameters.code_verifier, stored.codeChallenge)) {
      throw new OAuthError(
        'invalid_grant',
        'code_verifier does not match the code_challenge of the authorization request (S256).',
      );
    }
    const remaining = stored.session.expiresAt - now;
    await this.redis.set(key('session', stored.session.id), '1', 'PX', Math.max(1, remaining));
    await this.redis.set(key('spent-code', code), stored.session.id, 'PX', Math.max(1, remaining));
    return this.tokens(stored.session, { nonce: stored.nonce, withIdToken: true });
  }

  /** `grant_type=refresh_token` (RFC 6749 §6): rotated, so each refresh token works once; a reused one ends the sign-in. */
  async refresh(parameters: Record<string, unknown>): Promise<TokenResponse> {
    const token = required(parameters, 'refresh_token');
    this.assertClient(parameters);
    const raw = await this.redis.getdel(key('refresh', token));
    if (raw === null) {
      // RFC 9700 §4.14.2: a spent refresh token presented again means two parties hold it; neither keeps the sign-in.
      const sessionId = await this.redis.get(key('spent-refresh', token));
      if (sessionId !== null) await this.redis.del(key('session', sessionId));
      throw new OAuthError('invalid_grant', 'The refresh token is unknown, expired or already used.');
    }
    const session = JSON.parse(raw) as Session;
    const now = this.clock.now().getTime();
    await this.redis.set(key('spent-refresh', token), session.id, 'PX', Math.max(1, session.expiresAt - now));
    if (now >= session.expiresAt || !(await this.redis.exists(key('session', session.id)))) {
      throw new OAuthError('invalid_grant', 'The sign-in has ended; sign in again.');
    }
    if (session.clientId !== parameters.client_id)
      throw new OAuthError('invalid_grant', 'The refresh token was issued to another client.');
    const asked =
      typeof parameters.scope === 'string' ? parameters.scope.split(' ').filter((s) => s.length > 0) : session.scope;
    if (asked.some((scope) => !session.scope.includes(scope)))
      throw new OAuthError('invalid_scope', 'A refresh may not ask for more than the sign-in granted.');
    return this.tokens(session, { withIdToken: false });
  }

  /** RP-initiated logout: the sign-in the ID token names (its `sid`) ends, so its refresh tokens stop working. */
  async endSession(idTokenHint: unknown): Promise<void> {
    if (typeof idTokenHint !== 'string' || idTokenHint.length > 10_000) return;
    try {
      const { payload } = await jwtVerify(idTokenHint, createLocalJWKSet(await this.keys.jwks()), {
        issuer: this.issuer,
        audience: this.clientId,
        // An expired ID token still says whose sign-in to end.
        clockTolerance: SESSION_SECONDS,
      });
      if (typeof payload.sid === 'string') await this.redis.del(key('session', payload.sid));
    } catch {
      // A hint that is not ours ends nothing; the person is sent on all the same.
    }
  }

  private assertClient(parameters: Record<string, unknown>): void {
    const clientId = required(parameters, 'client_id');
    if (clientId !== this.clientId)
      throw new OAuthError(
        'invalid_client',
        `Unknown client ${clientId}; the development issuer knows only ${this.clientId}.`,
      );
  }

  private async tokens(session: Session, options: { withIdToken: boolean; nonce?: string }): Promise<TokenResponse> {
    const sub = session.claims.sub;
    const response: TokenResponse = {
      access_token: await this.keys.signAccessToken(session.claims, {
        issuer: this.issuer,
        audience: this.config.get('AUTH_AUDIENCE'),
        subject: sub,
        expiresInSeconds: ACCESS_TOKEN_SECONDS,
      }),
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      scope: session.scope.join(' '),
    };
    if (options.withIdToken) {
      response.id_token = await this.keys.signPayload(
        {
          name: session.claims.name,
          auth_time: session.authTime,
          sid: session.id,
          ...(options.nonce !== undefined && { nonce: options.nonce }),
        },
        { issuer: this.issuer, audience: session.clientId, subject: sub, expiresInSeconds: ACCESS_TOKEN_SECONDS },
      );
    }
    if (session.scope.includes('offline_access')) {
      const refreshToken = secret();
      const remaining = session.expiresAt - this.clock.now().getTime();
      await this.redis.set(key('refresh', refreshToken), JSON.stringify(session), 'PX', Math.max(1, remaining));
      response.refresh_token = refreshToken;
    }
    return response;
  }
}

function key(kind: 'code' | 'spent-code' | 'refresh' | 'spent-refresh' | 'session', value: string): string {
  return `${KEY_PREFIX}${kind}:${kind === 'session' ? value : createHash('sha256').update(value).digest('base64url')}`;
}

/** 256 random bits, base64url. */
function secret(): string {
  return randomBytes(32).toString('base64url');
}

function required(parameters: Record<string, unknown>, name: string): string {
  const value = parameters[name];
  if (typeof value !== 'string' || value.length === 0)
    throw new OAuthError('invalid_request', `${name} is required, once.`);
  return value;
}

/**
 * The same choice is the same person on every sign-in (their audit trail and user mapping follow them): role,
 * department and name, the name hashed so the subject stays short and opaque.
 */
function subjectFor(person: { role: Role; department: string | null; name: string }): string {
  const name = createHash('sha256').update(person.name).digest('hex').slice(0, 12);
  return `dev-${person.role}${person.department ? `-${person.department.toLowerCase()}` : ''}-${name}`;
}
