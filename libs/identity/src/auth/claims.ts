import type { JWTPayload } from 'jose';
import type { AppConfig } from '#common';
import { ROLES, type Role } from '../actor.js';

/** Which claims of the provider's token carry what (AUTH_CLAIM_*): providers name them differently. */
export type ClaimNames = { userId: string; name: string; email: string; roles: string; department: string };

/** What a verified token says about the person, before the department code is looked up. */
export type TokenClaims = { id: string; name: string | null; email: string | null; roles: Role[]; departmentCode: string | null };

type ClaimVariable = Extract<keyof AppConfig, `AUTH_CLAIM_${string}`>;

export function claimNamesFrom(read: (variable: ClaimVariable) => string): ClaimNames {
  return {
    userId: read('AUTH_CLAIM_USER_ID'),
    name: read('AUTH_CLAIM_NAME'),
    email: read('AUTH_CLAIM_EMAIL'),
    roles: read('AUTH_CLAIM_ROLES'),
    department: read('AUTH_CLAIM_DEPARTMENT'),
  };
}

/**
 * Reads the person from a verified token. Roles come as an array (Entra ID's app roles) or as one string separated
 * by spaces or commas (OAuth `scope` style); roles Samla does not know are dropped rather than refused, because
 * the provider's app registration may carry roles meant for other applications.
 */
export function readClaims(payload: JWTPayload, names: ClaimNames): TokenClaims {
  const rawRoles = payload[names.roles];
  const given = Array.isArray(rawRoles) ? rawRoles : typeof rawRoles === 'string' ? rawRoles.split(/[\s,]+/) : [];
  const roles = [...new Set(given.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)))];
  return {
    id: String(payload[names.userId]),
    name: asText(payload[names.name]),
    email: asText(payload[names.email]),
    roles,
    departmentCode: asText(payload[names.department]),
  };
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}
