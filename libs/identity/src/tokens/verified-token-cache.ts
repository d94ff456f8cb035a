import { createHash } from 'node:crypto';
import type { JWTPayload } from 'jose';

export type VerifiedTokenCacheOptions = { maxEntries: number; ttlMs: number; now?: () => number };

/**
 * Payloads of bearer tokens that passed verification, by the token's SHA-256, so a client sending the same token
 * again costs a hash rather than a signature check. An entry lasts `ttlMs` and never past the token's `exp` (the
 * full check, with its clock tolerance, decides after that); only successes are kept, so a refused token is
 * checked, and refused, every time. At most `maxEntries`: the oldest entry goes first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { payload: JWTPayload; until: number }>();
  private readonly now: () => number;

  constructor(private readonly options: VerifiedTokenCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(token: string): JWTPayload | undefined {
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() < entry.until) return entry.payload;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps a payload that was just verified; one without a numeric `exp` is not kept. */
  set(token: string, payload: JWTPayload): void {
    if (typeof payload.exp !== 'number') return;
    const now = this.now();
    const until = Math.min(now + this.options.ttlMs, payload.exp * 1000);
    if (until <= now) return;
    const key = keyOf(token);
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    // Shared by every request that sends the token: nobody may change it.
    this.entries.set(key, { payload: frozen(structuredClone(payload)), until });
  }
}

function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) Object.values(value).forEach(frozen);
  return Object.freeze(value);
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
