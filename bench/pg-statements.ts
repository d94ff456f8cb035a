import type pg from 'pg';
import type { BoundStatement } from '#common';

/**
 * The rows of one of the libs' statements run on a bare pg connection (the floors run the API's own SQL without
 * TypeORM), typed as the statement declares them. pg types rows only by what it is told, so the telling is here, once.
 */
export async function pgRows<Row>(
  client: Pick<pg.ClientBase, 'query'>,
  statement: BoundStatement<Row>,
): Promise<Row[]> {
  const result = await client.query<Row & pg.QueryResultRow>(statement.sql, [...statement.params]);
  return result.rows;
}
