import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '#common';
import { UnauthenticatedProblem } from '../auth/auth.problems.js';
import { DevelopmentIssuer } from './development-issuer.js';

/** Asymmetric algorithms only: `none` and shared-secret HS* tokens are refused whatever the header says. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies bearer tokens: signature against the provider's JWKS (cached by jose, fetched again when a token names
 * an unknown `kid`, at most every 30 s), issuer, audience, expiry and not-before.
 */
@Injectable()
export class TokenVerifier {
  private keys?: JWTVerifyGetKey;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly developmentIssuer: DevelopmentIssuer,
  ) {}

  async verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.config.get('AUTH_ISSUER'),
        audience: this.config.get('AUTH_AUDIENCE'),
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', this.config.get('AUTH_CLAIM_USER_ID')],
      });
      return payload;
    } catch (error) {
      throw new UnauthenticatedProblem(`The bearer token was refused: ${reason(error)}.`);
    }
  }

  private async keySet(): Promise<JWTVerifyGetKey> {
    if (!this.keys) {
      const url = this.config.get('AUTH_JWKS_URL', { infer: true });
      this.keys = url
        ? createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 5_000 })
        : createLocalJWKSet(await this.developmentIssuer.jwks());
    }
    return this.keys;
  }
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim} is not acceptable (${error.reason})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not match';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'its algorithm is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the identity provider matches it';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) return error.message;
  return 'it is not a well-formed JWT';
}
