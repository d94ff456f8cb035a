import { statement, type Statement } from './statement.js';

/** Makes the calling transaction's snapshot importable by another session while the transaction lasts. */
export const EXPORT_SNAPSHOT_SQL = statement<{ id: string }>(`SELECT pg_export_snapshot() AS id`);

export const BEGIN_READ_ONLY_SQL = statement<never>(`START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);

/** SET TRANSACTION SNAPSHOT takes no bind parameter: the id is checked to be pg_export_snapshot's hex-and-dashes form. */
export function setSnapshotSql(id: string): Statement<never> {
  if (!/^[0-9A-F]+(-[0-9A-F]+)+$/i.test(id)) throw new Error(`Not a snapshot id: ${id}`);
  return statement<never>(`SET TRANSACTION SNAPSHOT '${id}'`);
}

export const ROLLBACK_SQL = statement<never>(`ROLLBACK`);
