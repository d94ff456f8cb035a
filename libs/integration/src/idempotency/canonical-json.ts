import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so two bodies that differ only in key order (or whitespace) are the
 * same request. Array order is kept: it is meaningful (line indices).
 */
export function canonicalJson(value: unknown): string {
  // The native serialiser with a replacer that rebuilds each object with sorted keys: several times faster for a
  // 50,000-line batch than concatenating strings by hand.
  return JSON.stringify(value, sortedKeys) ?? 'null';
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

/** sha256 (hex) of the canonical body: what an Idempotency-Key is bound to. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
