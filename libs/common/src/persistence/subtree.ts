import type { EntityManager } from 'typeorm';

/**
 * One recursive query over a self-referencing table (`id`, `parent_id`): is `candidate` the row `rootId` itself
 * or somewhere below it? Moving a row under such a candidate would make a cycle.
 * `table` is always a constant of the calling context, never input.
 */
export async function isSelfOrDescendant(em: EntityManager, table: string, rootId: string, candidate: string): Promise<boolean> {
  const rows: unknown[] = await em.query(
    `WITH RECURSIVE below(id) AS (
       SELECT $1::uuid
       UNION
       SELECT t.id FROM "${table}" t JOIN below b ON t.parent_id = b.id
     )
     SELECT 1 FROM below WHERE id = $2::uuid LIMIT 1`,
    [rootId, candidate],
  );
  return rows.length > 0;
}
