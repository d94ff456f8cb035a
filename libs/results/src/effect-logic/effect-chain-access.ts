import type { EntityManager } from 'typeorm';
import { hasPermission, refused, type Actor } from '#identity';
import { assertMayWriteInitiative, lockInitiativeOwnership } from '#portfolio';

/** Who owns a chain: exactly one of the two is set (the table's CHECK says so too). */
export type ChainOwner = { initiativeId: string | null; goalId: string | null };

const NOT_AN_EDITOR =
  "An initiative's effect logic is written by those who edit the initiative: its lead and co-owner departments.";
const GOAL_CHAINS = "The goals' shared effect-logic chains are written by the leadership group and admins.";

/**
 * Refuses (403) a write to a chain the actor may not write. An initiative's chain follows the initiative: the row is
 * locked FOR SHARE (as for a funding line), so a change of its owners or of its goals waits until this write is done.
 */
export async function lockChainForWrite(em: EntityManager, actor: Actor, owner: ChainOwner): Promise<void> {
  if (owner.initiativeId !== null) {
    if (!hasPermission(actor, 'initiatives:write')) throw refused(actor, NOT_AN_EDITOR);
    assertMayWriteInitiative(actor, await lockInitiativeOwnership(em, owner.initiativeId, 'FOR SHARE'), NOT_AN_EDITOR);
  } else if (!hasPermission(actor, 'effect-logic:goal-chains')) {
    throw refused(actor, GOAL_CHAINS);
  }
}
