import type { Actor, Role } from './actor.js';

/**
 * What each role may do, in one place (docs/domain.md shows this table). Reading the portfolio is open to every
 * signed-in role: transparency is the point. Writes marked "own" are further limited, record by record, to
 * initiatives where the person's department is lead or co-owner (see `mayWriteForDepartments`).
 */
export const PERMISSIONS = {
  /** Read initiatives, funding, goals and reference data. */
  'portfolio:read': ['admin', 'leadership', 'department_head', 'staff', 'auditor'],
  /** Departments, target groups, districts. */
  'reference-data:write': ['admin'],
  /** The goal tree of the governing documents. */
  'goals:write': ['admin'],
  /** Register an initiative (own: led by the person's department). */
  'initiatives:create': ['admin', 'department_head'],
  /** Import a spreadsheet of initiatives as drafts with their funding lines, for any lead department. */
  'initiatives:import': ['admin'],
  /** Change an initiative and its participants (own). */
  'initiatives:write': ['admin', 'department_head', 'staff'],
  /**
   * Hand an initiative over: change its lead department. Lead-only rights (coverage decisions) follow the lead, so a
   * co-owner who could name their own department lead could take the initiative from the department that leads it.
   */
  'initiatives:hand-over': ['admin'],
  /** Delete a draft (own). */
  'initiatives:delete': ['admin', 'department_head'],
  /** Move an initiative through its lifecycle; which moves each role may make is in the portfolio's transition rules. */
  'initiatives:transition': ['admin', 'leadership', 'department_head'],
  /** Funding lines (own). */
  'funding:write': ['admin', 'department_head', 'staff'],
  /** Record what happens when a funding line ends (department heads: only where their department leads). */
  'funding:decide-coverage': ['admin', 'leadership', 'department_head'],
  /** Acknowledge or dismiss an alert (own: the alert's department). */
  'alerts:handle': ['admin', 'leadership', 'department_head', 'staff'],
  /**
   * Effect logic (nodes and links): who may write depends on the chain's owner. An initiative's chain: those who edit
   * the initiative (`initiatives:write`, own); a goal's chain: `effect-logic:goal-chains`.
   */
  'effect-logic:write': ['admin', 'leadership', 'department_head', 'staff'],
  /** The shared effect-logic chains of goals (one per priority area). */
  'effect-logic:goal-chains': ['admin', 'leadership'],
  /** Define indicators (department heads: only indicators their own department owns). */
  'indicators:write': ['admin', 'leadership', 'department_head'],
  /** Record an indicator's measurements, baselines and targets (own: the indicator's owning department). */
  'indicator-values:write': ['admin', 'department_head', 'staff'],
  /** The audit trail of every record. */
  'audit:read': ['admin', 'auditor'],
  /** Create reporting rounds (design: Reporting round). */
  'reporting-rounds:write': ['admin', 'leadership'],
  /** Write and submit a status report (own: lead or co-owner department of its initiative). */
  'status-reports:write': ['admin', 'department_head', 'staff'],
  /** Approve a submitted status report, or return it with a comment. */
  'status-reports:decide': ['admin', 'leadership'],
  /** Record portfolio reviews and their decisions, which may stop or integrate an initiative (design: Portfolio review). */
  'portfolio-reviews:write': ['admin', 'leadership'],
  /** Give a verdict on a pair of possibly overlapping initiatives (the leadership group's review). */
  'overlaps:review': ['admin', 'leadership'],
  /** Run a job now (a scan) and read how runs went. */
  'jobs:run': ['admin'],
  /** Load the budget system's dimensions, codes and budget/actual lines (the integration key, or an admin). */
  'budget:write': ['admin'],
  /** Read the changes feed for the budget system. */
  'budget:read': ['admin'],
  /** Webhook subscriptions: targets, events, secrets, deliveries and redelivery. */
  'webhooks:manage': ['admin'],
  /** Users' departments and API keys. */
  'access:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Every permission of the matrix, in its order. */
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/**
 * How far a permission reaches: every record (`all`), only records of the person's own department (`own_department`:
 * the initiative's lead or co-owner, the alert's department, the indicator's owning department), or only those their
 * department leads (`lead_department`).
 */
export const REACHES = ['all', 'own_department', 'lead_department'] as const;
export type Reach = (typeof REACHES)[number];

/**
 * The matrix's "own" cells: the roles for which a permission reaches only their own department's records. A role
 * holding a permission and not named here holds it for every record (admins always; the leadership group for all it
 * may do). The services check these record by record (mayWriteForDepartments and the rules beside it); `GET /me`
 * reports them, so the web app knows which records an action applies to instead of guessing.
 */
export const DEPARTMENT_REACH = {
  'initiatives:create': { department_head: 'own_department' },
  'initiatives:write': { department_head: 'own_department', staff: 'own_department' },
  'initiatives:delete': { department_head: 'own_department' },
  'initiatives:transition': { department_head: 'own_department' },
  'funding:write': { department_head: 'own_department', staff: 'own_department' },
  'funding:decide-coverage': { department_head: 'lead_department' },
  'alerts:handle': { department_head: 'own_department', staff: 'own_department' },
  'effect-logic:write': { department_head: 'own_department', staff: 'own_department' },
  'indicators:write': { department_head: 'own_department' },
  'indicator-values:write': { department_head: 'own_department', staff: 'own_department' },
  'status-reports:write': { department_head: 'own_department', staff: 'own_department' },
} as const satisfies Partial<Record<Permission, Partial<Record<Role, Exclude<Reach, 'all'>>>>>;

/** Why an action is not open to the caller: no role (or API key scope) gives it, or it needs a department they lack. */
export type AccessRefusal = 'not_granted' | 'no_department';
export type Access = { allowed: boolean; reach: Reach | null; reason: AccessRefusal | null };

/** Permissions an API key can be given: a machine client never writes the portfolio itself. */
export const API_KEY_SCOPES = [
  'portfolio:read',
  'budget:write',
  'budget:read',
] as const satisfies readonly Permission[];

/** Roles whose writes are not limited to their own department's initiatives. */
const UNRESTRICTED: readonly Role[] = ['admin'];

export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'api_key') return actor.scopes.includes(permission);
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

/**
 * What the actor may do with a permission: allowed or not, and on which records. With several roles the widest reach
 * counts. A person whose department is unknown may use a department-limited permission nowhere ("can read but not
 * write"); an API key holds its scopes for every record.
 */
export function accessFor(actor: Actor, permission: Permission): Access {
  if (actor.kind === 'api_key') {
    return actor.scopes.includes(permission)
      ? { allowed: true, reach: 'all', reason: null }
      : { allowed: false, reach: null, reason: 'not_granted' };
  }
  const limits: Partial<Record<Role, Reach>> =
    (DEPARTMENT_REACH as Partial<Record<Permission, Partial<Record<Role, Reach>>>>)[permission] ?? {};
  const reaches = actor.roles
    .filter((role) => (PERMISSIONS[permission] as readonly Role[]).includes(role))
    .map((role) => limits[role] ?? 'all');
  if (reaches.length === 0) return { allowed: false, reach: null, reason: 'not_granted' };
  const widest = REACHES.find((reach) => reaches.includes(reach))!;
  if (widest !== 'all' && actor.departmentId === null) return { allowed: false, reach: null, reason: 'no_department' };
  return { allowed: true, reach: widest, reason: null };
}

/**
 * Object-level check (OWASP API1): may the actor write a record that belongs to these departments (an
 * initiative's lead and co-owners)? Admins may write any; others only where their own department is one of them.
 */
export function mayWriteForDepartments(actor: Actor, departmentIds: readonly (string | null)[]): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.roles.some((role) => UNRESTRICTED.includes(role))) return true;
  return actor.departmentId !== null && departmentIds.includes(actor.departmentId);
}
