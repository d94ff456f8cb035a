import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PATTERN = /^samla_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * A new key, `samla_<prefix>_<secret>`: the prefix (48 random bits, hex) finds the row and names the key in lists;
 * the secret (256 random bits) is what proves possession. The `samla_` mark lets secret scanners recognise a
 * leaked key.
 */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString('hex');
  const key = `samla_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The prefix of a presented key, or null when it is not shaped like one of ours. */
export function prefixOf(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Compares in constant time, so the response time says nothing about how much of a guessed key was right. */
export function matchesHash(key: string, storedHash: string): boolean {
  return timingSafeEqual(Buffer.from(hashApiKey(key), 'hex'), Buffer.from(storedHash, 'hex'));
}
