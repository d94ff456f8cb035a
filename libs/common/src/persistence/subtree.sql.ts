import { statement, type Statement } from './statement.js';

/**
 * One row when `$2` is the row `$1` itself or somewhere below it in a self-referencing table (`id`, `parent_id`).
 * `table` is always a constant of the calling context, never input.
 */
export function selfOrDescendantSql(table: string): Statement<{ found: 1 }> {
  return statement(
    `WITH RECURSIVE below(id) AS (
       SELECT $1::uuid
       UNION
       SELECT t.id FROM "${table}" t JOIN below b ON t.parent_id = b.id
     )
     SELECT 1 AS found FROM below WHERE id = $2::uuid LIMIT 1`,
  );
}
