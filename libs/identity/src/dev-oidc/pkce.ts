import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.2: S256's challenge is the base64url SHA-256 of the verifier, without padding: always 43 characters. */
export const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** RFC 7636 §4.1: 43–128 unreserved characters. */
export const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** The S256 challenge of a verifier. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * Does the verifier answer the challenge the authorization request made? Only S256 exists here (`plain` would let
 * whoever saw the request redeem the code). A verifier not shaped as RFC 7636 says is refused before hashing.
 */
export function verifiesChallenge(verifier: unknown, challenge: string): boolean {
  if (typeof verifier !== 'string' || !CODE_VERIFIER.test(verifier) || !CODE_CHALLENGE.test(challenge)) return false;
  return timingSafeEqual(Buffer.from(s256(verifier)), Buffer.from(challenge));
}
