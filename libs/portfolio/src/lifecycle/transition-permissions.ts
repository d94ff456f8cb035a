import { mayWriteForDepartments, type Actor, type Role } from '#identity';
import type { InitiativeStatus } from './initiative-lifecycle.js';

/** `any`: the role may make the move on every initiative; `own`: only where its department is lead or co-owner. */
export type MoveReach = 'any' | 'own';
type MoveGrant = Partial<Record<Role, MoveReach>>;

const DEPARTMENT_PROPOSES: MoveGrant = { admin: 'any', department_head: 'own' };
/** A proposal can be taken back for more work by the department that made it, or sent back by the leadership group. */
const BACK_TO_DRAFT: MoveGrant = { admin: 'any', leadership: 'any', department_head: 'own' };
/**
 * Past a proposal the initiative is the leadership group's: it approves, starts, completes, integrates into ordinary
 * operations and stops (design: portfolio reviews decide continue, stop, integrate). A department head's reach ends at
 * proposed (issue 3), so the start and the end of an approved initiative are recorded by the leadership group too.
 */
const LEADERSHIP_DECIDES: MoveGrant = { admin: 'any', leadership: 'any' };

/**
 * Who may make which lifecycle move, for exactly the moves in ALLOWED_TRANSITIONS (the unit spec holds the two
 * together). Admins may make every move; staff and auditors none. docs/domain.md shows this table.
 */
export const TRANSITION_PERMISSIONS: Record<InitiativeStatus, Partial<Record<InitiativeStatus, MoveGrant>>> = {
  draft: { proposed: DEPARTMENT_PROPOSES, discontinued: LEADERSHIP_DECIDES },
  proposed: { draft: BACK_TO_DRAFT, approved: LEADERSHIP_DECIDES, discontinued: LEADERSHIP_DECIDES },
  approved: { active: LEADERSHIP_DECIDES, discontinued: LEADERSHIP_DECIDES },
  active: { completed: LEADERSHIP_DECIDES, integrated: LEADERSHIP_DECIDES, discontinued: LEADERSHIP_DECIDES },
  completed: {},
  integrated: {},
  discontinued: {},
};

/**
 * May the actor make this move on an initiative owned by these departments (its lead and co-owners)? Any one of a
 * person's roles is enough; a machine client never moves initiatives.
 */
export function mayMove(
  actor: Actor,
  from: InitiativeStatus,
  to: InitiativeStatus,
  ownerDepartmentIds: readonly (string | null)[],
): boolean {
  if (actor.kind !== 'user') return false;
  const grant = TRANSITION_PERMISSIONS[from][to] ?? {};
  return actor.roles.some(
    (role) => grant[role] === 'any' || (grant[role] === 'own' && mayWriteForDepartments(actor, ownerDepartmentIds)),
  );
}
