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

  async sign(claims: DevelopmentTokenClaims, hours = DEVELOPMENT_TOKEN_HOURS): Promise<string> {
    const { privateJwk } = await this.loadKey();
    const c = this.config;
    const payload: Record<string, unknown> = {
      [c.get('AUTH_CLAIM_NAME')]: claims.name ?? `Demo ${claims.role}`,
      [c.get('AUTH_CLAIM_ROLES')]: [claims.role],
      ...(claims.email && { [c.get('AUTH_CLAIM_EMAIL')]: claims.email }),
      ...(claims.department && { [c.get('AUTH_CLAIM_DEPARTMENT')]: claims.department }),
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: ALGORITHM, kid: privateJwk.kid, typ: 'JWT' })
      .setSubject(claims.sub ?? `dev-${claims.role}${claims.department ? `-${claims.department.toLowerCase()}` : ''}`)
      .setIssuer(c.get('AUTH_ISSUER'))
      .setAudience(c.get('AUTH_AUDIENCE'))
      .setIssuedAt()
      .setExpirationTime(`${hours}h`)
      .sign(await importJWK(privateJwk, ALGORITHM));
  }

  private loadKey(): Promise<StoredKey> {
    this.key ??= this.readOrCreateKey();
    return this.key;
  }

  private async readOrCreateKey(): Promise<StoredKey> {
    const file = this.config.get('DEV_ISSUER_KEY_FILE');
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
