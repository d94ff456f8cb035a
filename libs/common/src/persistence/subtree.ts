import type { EntityManager } from 'typeorm';
import { queryRow } from './statement.js';
import { selfOrDescendantSql } from './subtree.sql.js';

/**
 * One recursive query over a self-referencing table (`id`, `parent_id`): is `candidate` the row `rootId` itself
 * or somewhere below it? Moving a row under such a candidate would make a cycle.
 * `table` is always a constant of the calling context, never input.
 */
export async function isSelfOrDescendant(
  em: EntityManager,
  table: string,
  rootId: string,
  candidate: string,
): Promise<boolean> {
  return (await queryRow(em, selfOrDescendantSql(table), [rootId, candidate])) !== undefined;
}
