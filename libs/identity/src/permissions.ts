import type { Actor, Role } from './actor.js';

/**
 * What each role may do, in one place (the README shows this table). Reading the portfolio is open to every
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

/** Permissions an API key can be given: a machine client never writes the portfolio itself. */
export const API_KEY_SCOPES = ['portfolio:read', 'budget:write', 'budget:read'] as const satisfies readonly Permission[];

/** Roles whose writes are not limited to their own department's initiatives. */
const UNRESTRICTED: readonly Role[] = ['admin'];

export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'api_key') return actor.scopes.includes(permission);
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((role) => allowed.includes(role));
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
