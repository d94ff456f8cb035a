import type { EntityManager } from 'typeorm';
import { NotFoundProblem, queryOne, queryRow } from '#common';
import { hasPermission, mayWriteForDepartments, refused, type Actor } from '#identity';
import { canMove, type InitiativeStatus } from '../lifecycle/initiative-lifecycle.js';
import { lockInitiativeSql } from '../lifecycle/initiative-lifecycle.sql.js';
import { mayMove, TRANSITION_PERMISSIONS } from '../lifecycle/transition-permissions.js';
import { INITIATIVE_OWNERSHIP_SQL, type InitiativeOwnership } from './initiatives.sql.js';

export type { InitiativeOwnership } from './initiatives.sql.js';
import type { ParticipantRole } from './initiative-participant.entity.js';

const NOT_YOURS =
  'Only the lead department and the co-owners change an initiative and what belongs to it; your department is neither.';

/**
 * Locks the initiative row, then reads who owns it: FOR UPDATE before changing the initiative itself, FOR SHARE before
 * changing something beneath it (a funding line), so a concurrent change of lead or co-owners waits for the write or
 * the write for it. The read is a statement of its own so that, under READ COMMITTED, its fresh snapshot sees a
 * change of participants that committed while we waited for the lock.
 */
export async function lockInitiativeOwnership(
  em: EntityManager,
  id: string,
  lock: 'FOR UPDATE' | 'FOR SHARE',
): Promise<InitiativeOwnership> {
  if (!(await queryRow(em, lockInitiativeSql(lock), [id]))) throw new NotFoundProblem('initiative', id);
  return queryOne(em, INITIATIVE_OWNERSHIP_SQL, [id]);
}

/** Refuses (403) a write by someone whose department neither leads nor co-owns the initiative; admins may write any. */
export function assertMayWriteInitiative(
  actor: Actor,
  owners: Pick<InitiativeOwnership, 'leadDepartmentId' | 'coOwnerIds'>,
  detail = NOT_YOURS,
): void {
  if (!mayWriteForDepartments(actor, [owners.leadDepartmentId, ...owners.coOwnerIds])) throw refused(actor, detail);
}

/**
 * Refuses (403) a change of lead department by anyone but an admin (`initiatives:hand-over`). Sending the current lead
 * again is no change. Checked before `assertKeepsReach`, so a co-owner naming their own department lead is refused for
 * what they attempt, not for what they would keep.
 */
export function assertMayHandOver(
  actor: Actor,
  owners: InitiativeOwnership,
  change: { leadDepartmentId?: string | null },
): void {
  if (
    change.leadDepartmentId === undefined ||
    change.leadDepartmentId === owners.leadDepartmentId ||
    hasPermission(actor, 'initiatives:hand-over')
  )
    return;
  throw refused(
    actor,
    'Only an admin hands an initiative over to another lead department. Leave leadDepartmentId out, or ask an admin.',
  );
}

/**
 * Refuses a change of participants after which the actor could no longer write the initiative (their department
 * dropped from the co-owners): leaving an initiative is handing your part of it over, which is for an admin.
 */
export function assertKeepsReach(
  actor: Actor,
  owners: InitiativeOwnership,
  change: { participants?: { departmentId: string; role: ParticipantRole }[] },
): void {
  if (!change.participants) return;
  const coOwnerIds = change.participants.filter((p) => p.role === 'co_owner').map((p) => p.departmentId);
  assertMayWriteInitiative(
    actor,
    { leadDepartmentId: owners.leadDepartmentId, coOwnerIds },
    'After this change your department would neither lead nor co-own the initiative. Keep your department as co-owner, or ask an admin.',
  );
}

/**
 * Refuses (403) a lifecycle move the actor's roles do not allow (TRANSITION_PERMISSIONS). A move the lifecycle does
 * not have at all is left to the lifecycle, which answers 409 whoever asks.
 */
export function assertMayMove(actor: Actor, owners: InitiativeOwnership, to: InitiativeStatus): void {
  const from = owners.status;
  if (!canMove(from, to) || mayMove(actor, from, to, [owners.leadDepartmentId, ...owners.coOwnerIds])) return;
  const grant = TRANSITION_PERMISSIONS[from][to] ?? {};
  const ownOnly = actor.kind === 'user' && actor.roles.some((role) => grant[role] === 'own');
  throw refused(
    actor,
    ownOnly
      ? `You may move an initiative from ${from} to ${to} only where your department is lead or co-owner.`
      : `The move from ${from} to ${to} is made by: ${Object.keys(grant).join(', ')}.`,
  );
}
