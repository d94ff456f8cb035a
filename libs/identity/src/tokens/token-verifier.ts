import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '#common';
import { UnauthenticatedProblem } from '../auth/auth.problems.js';
import { DevelopmentIssuer, developmentOidcIssuer } from './development-issuer.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

/** Asymmetric algorithms only: `none` and shared-secret HS* tokens are refused whatever the header says. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;
/**
 * A verified token is taken on its hash for a minute (never past its expiry), well within the 10 minutes jose keeps
 * the provider's keys, so a key the provider withdraws is trusted no longer than before. Roles are read from the
 * payload and the department looked up on every request (kept seconds, see UsersService), so permissions follow.
 */
const VERIFIED_TOKEN_CACHE = { maxEntries: 5_000, ttlMs: 60_000 };

/**
 * Verifies bearer tokens: signature against the provider's JWKS (cached by jose, fetched again when a token names
 * an unknown `kid`, at most every 30 s), issuer, audience, expiry and not-before.
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger('TokenVerifier');
  private keys?: JWTVerifyGetKey;
  private readonly verified = new VerifiedTokenCache(VERIFIED_TOKEN_CACHE);

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly developmentIssuer: DevelopmentIssuer,
  ) {}

  async verify(token: string): Promise<JWTPayload> {
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.issuers(),
        audience: this.config.get('AUTH_AUDIENCE'),
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', this.config.get('AUTH_CLAIM_USER_ID')],
      });
      this.verified.set(token, payload);
      return payload;
    } catch (error) {
      // The provider's keys could not be had: not the caller's fault, but without keys nobody can be verified, so
      // it stays a 401 for them; the operator learns of it from the log.
      if (error instanceof KeySetUnavailable) {
        this.logger.warn({ err: error.cause }, 'The identity provider’s JWKS could not be fetched');
        throw new UnauthenticatedProblem(
          'The bearer token could not be checked: the identity provider’s keys are unavailable right now. Try again shortly.',
          false,
        );
      }
      // jose checks the claims only once the signature holds: a token refused for them (expired, for another
      // audience) was issued by the provider, and a browser still sending yesterday's token is no guesser.
      const signed = error instanceof errors.JWTExpired || error instanceof errors.JWTClaimValidationFailed;
      throw new UnauthenticatedProblem(`The bearer token was refused: ${reason(error)}.`, !signed);
    }
  }

  /**
   * AUTH_ISSUER; while the API is its own issuer also its OpenID Provider's URL, which the web app's sign-ins carry
   * (`npm run token` keeps issuing as AUTH_ISSUER, so its tokens stay valid).
   */
  private issuers(): string[] {
    const issuer = this.config.get('AUTH_ISSUER', { infer: true });
    if (this.config.get('AUTH_JWKS_URL', { infer: true })) return [issuer];
    return [
      issuer,
      developmentOidcIssuer({
        PUBLIC_URL: this.config.get('PUBLIC_URL', { infer: true }),
        PORT: this.config.get('PORT', { infer: true }),
      }),
    ];
  }

  private async keySet(): Promise<JWTVerifyGetKey> {
    if (!this.keys) {
      const url = this.config.get('AUTH_JWKS_URL', { infer: true });
      this.keys = url
        ? reportingUnavailability(
            createRemoteJWKSet(new URL(url), {
              cooldownDuration: 30_000,
              cacheMaxAge: 10 * 60_000,
              timeoutDuration: 5_000,
            }),
          )
        : createLocalJWKSet(await this.developmentIssuer.jwks());
    }
    return this.keys;
  }
}

/** The identity provider's JWKS could not be fetched or read: nothing is wrong with the token as far as we know. */
class KeySetUnavailable extends Error {}

/**
 * jose lets fetch's own error through when the provider cannot be reached and raises a plain JOSEError (no
 * subclass) when it answers other than 200 with JSON; a token that matches no key is a JOSEError subclass.
 */
function reportingUnavailability(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      const unavailable =
        !(error instanceof errors.JOSEError) ||
        error instanceof errors.JWKSTimeout ||
        error.code === errors.JOSEError.code;
      throw unavailable ? new KeySetUnavailable('JWKS unavailable', { cause: error }) : error;
    }
  };
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `claim ${error.claim} is not acceptable (${error.reason})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not match';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'its algorithm is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the identity provider matches it';
  if (error instanceof errors.JOSEError) return error.message;
  return 'it is not a well-formed JWT';
}
