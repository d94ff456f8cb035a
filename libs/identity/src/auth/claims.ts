import type { JWTPayload } from 'jose';
import { illFormedTextReason, type AppConfig } from '#common';
import { ROLES, type Role } from '../actor.js';
import { UnauthenticatedProblem } from './auth.problems.js';

/** Which claims of the provider's token carry what (AUTH_CLAIM_*): providers name them differently. */
export type ClaimNames = { userId: string; name: string; email: string; roles: string; department: string };

/** What a verified token says about the person, before the department code is looked up. */
export type TokenClaims = {
  id: string;
  name: string | null;
  email: string | null;
  roles: Role[];
  departmentCode: string | null;
};

type ClaimVariable = Extract<keyof AppConfig, `AUTH_CLAIM_${string}`>;

/**
 * The claims Samla keeps, each with the narrowest column it is written to (the department code: matched against).
 * A longer value is no identity provider's real one, and would let a person read but end every write in a 500.
 */
const KEPT_CLAIMS: { field: Exclude<keyof TokenClaims, 'roles'>; claim: keyof ClaimNames; maxLength: number }[] = [
  // varchar(200) everywhere, but webhook_subscriptions.created_by keeps it as `user:<id>`.
  { field: 'id', claim: 'userId', maxLength: 195 },
  // audit_events.actor_name, funding_lines.coverage_decided_by, the overlap reviews' reviewed_by.
  { field: 'name', claim: 'name', maxLength: 200 },
  // webhook_subscriptions.owner_email: the longest address RFC 5321 allows.
  { field: 'email', claim: 'email', maxLength: 254 },
  // departments.code.
  { field: 'departmentCode', claim: 'department', maxLength: 40 },
];

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
  const claims: TokenClaims = {
    id: String(payload[names.userId]),
    name: asText(payload[names.name]),
    email: asText(payload[names.email]),
    roles,
    departmentCode: asText(payload[names.department]),
  };
  for (const { field, claim, maxLength } of KEPT_CLAIMS) {
    const value = claims[field];
    if (value !== null) assertKeepable(names[claim], value, maxLength);
  }
  return claims;
}

/** Refuses the token (signed, so no guess) when a claim does not fit its column or holds text PostgreSQL cannot store. */
function assertKeepable(claim: string, value: string, maxLength: number): void {
  const reason = illFormedTextReason(value);
  if (reason) throw new UnauthenticatedProblem(`The bearer token was refused: claim "${claim}" ${reason}.`, false);
  // PostgreSQL counts characters; a character beyond U+FFFF is two UTF-16 units in `length`.
  const length = value.length > maxLength ? [...value].length : value.length;
  if (length > maxLength) {
    throw new UnauthenticatedProblem(
      `The bearer token was refused: claim "${claim}" is ${length} characters long, more than the ${maxLength} characters Samla keeps.`,
      false,
    );
  }
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}
