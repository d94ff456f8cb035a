import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AppConfig } from '#common';
import type { Role } from '../actor.js';

const ALGORITHM = 'ES256';
export const DEVELOPMENT_TOKEN_HOURS = 12;

/**
 * Where the development OpenID Provider answers, under the API's global prefix (apps/api's API_PREFIX, `api/v1`),
 * and so the issuer its discovery document names and its sign-ins' tokens carry: an absolute URL, as OpenID Connect
 * clients require, from PUBLIC_URL.
 */
export const DEVELOPMENT_OIDC_PATH = '/api/v1/dev-oidc';
/** The development issuer's public keys (DevelopmentIssuerController), also the OpenID Provider's `jwks_uri`. */
export const DEVELOPMENT_JWKS_PATH = '/api/v1/dev-issuer/jwks.json';

export function developmentOidcIssuer(config: Pick<AppConfig, 'PUBLIC_URL' | 'PORT'>): string {
  return `${config.PUBLIC_URL ?? `http://localhost:${config.PORT}`}${DEVELOPMENT_OIDC_PATH}`;
}

/** A token's envelope when it is not `npm run token`'s: the OpenID Provider's access and ID tokens. */
export type SignOptions = { issuer: string; audience: string; subject: string; expiresInSeconds: number };

type StoredKey = { privateJwk: JWK; publicJwk: JWK };

export type DevelopmentTokenClaims = { role: Role; department?: string; name?: string; sub?: string; email?: string };

/**
 * The API's own issuer for development, the demo and tests, used only while AUTH_JWKS_URL is unset (never in
 * production). Its key pair lives in a file so `npm run token` and every API process sign and verify alike.
 */
@Injectable()
export class DevelopmentIssuer {
  private key?: Promise<StoredKey>;

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.loadKey()).publicJwk] };
  }

  /** `npm run token`'s and the tests' tokens: issued as AUTH_ISSUER for AUTH_AUDIENCE. */
  async sign(claims: DevelopmentTokenClaims, hours = DEVELOPMENT_TOKEN_HOURS): Promise<string> {
    return this.signAccessToken(claims, {
      issuer: this.config.get('AUTH_ISSUER'),
      audience: this.config.get('AUTH_AUDIENCE'),
      subject: claims.sub ?? `dev-${claims.role}${claims.department ? `-${claims.department.toLowerCase()}` : ''}`,
      expiresInSeconds: hours * 3600,
    });
  }

  /** An access token with the claims the API reads (AUTH_CLAIM_*), as the provider in production would issue it. */
  signAccessToken(claims: DevelopmentTokenClaims, options: SignOptions): Promise<string> {
    const c = this.config;
    return this.signPayload(
      {
        [c.get('AUTH_CLAIM_NAME')]: claims.name ?? `Demo ${claims.role}`,
        [c.get('AUTH_CLAIM_ROLES')]: [claims.role],
        ...(claims.email && { [c.get('AUTH_CLAIM_EMAIL')]: claims.email }),
        ...(claims.department && { [c.get('AUTH_CLAIM_DEPARTMENT')]: claims.department }),
      },
      options,
    );
  }

  /** Any claims (an ID token's), signed with the development key. */
  async signPayload(payload: Record<string, unknown>, options: SignOptions): Promise<string> {
    const { privateJwk } = await this.loadKey();
    return new SignJWT(payload)
      .setProtectedHeader({ alg: ALGORITHM, kid: privateJwk.kid, typ: 'JWT' })
      .setSubject(options.subject)
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt()
      .setExpirationTime(`${options.expiresInSeconds}s`)
      .sign(await importJWK(privateJwk, ALGORITHM));
  }

  private loadKey(): Promise<StoredKey> {
    this.key ??= this.readOrCreateKey();
    return this.key;
  }

  private async readOrCreateKey(): Promise<StoredKey> {
    const file = this.config.get('DEV_ISSUER_KEY_FILE', { infer: true });
    try {
      return JSON.parse(await readFile(file, 'utf8')) as StoredKey;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const created: StoredKey = {
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM },
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' },
    };
    await mkdir(dirname(file), { recursive: true });
    // Written aside, then linked into place: link() is atomic and refuses to replace, so processes starting
    // together all end up with the one key that got there first, and nobody reads a half-written file.
    const draft = `${file}.${process.pid}.${kid}`;
    await writeFile(draft, JSON.stringify(created), { mode: 0o600 });
    try {
      await link(draft, file);
      return created;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return JSON.parse(await readFile(file, 'utf8')) as StoredKey;
    } finally {
      await unlink(draft);
    }
  }
}
