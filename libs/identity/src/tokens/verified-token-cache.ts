import { createHash } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { TtlCache, type TtlCacheOptions } from '#common';

/**
 * Payloads of bearer tokens that passed verification, by the token's SHA-256, so a client sending the same token
 * again costs a hash rather than a signature check. An entry lasts `ttlMs` and never past the token's `exp` (the
 * full check, with its clock tolerance, decides after that); only successes are kept, so a refused token is
 * checked, and refused, every time. At most `maxEntries`: the oldest entry goes first.
 */
export class VerifiedTokenCache {
  private readonly entries: TtlCache<string, JWTPayload>;

  constructor(private readonly options: TtlCacheOptions) {
    this.entries = new TtlCache(options);
  }

  get size(): number {
    return this.entries.size;
  }

  get(token: string): JWTPayload | undefined {
    return this.entries.get(keyOf(token));
  }

  /** Keeps a payload that was just verified; one without a numeric `exp` is not kept. */
  set(token: string, payload: JWTPayload): void {
    if (typeof payload.exp !== 'number') return;
    const ttlMs = Math.min(this.options.ttlMs, payload.exp * 1000 - this.entries.now());
    // Shared by every request that sends the token: nobody may change it.
    this.entries.set(keyOf(token), frozen(structuredClone(payload)), ttlMs);
  }
}

function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) Object.values(value).forEach(frozen);
  return Object.freeze(value);
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
