import { statement } from '../persistence/statement.js';

/** The snapshot a REPEATABLE READ transaction reads in, as text: equal snapshots see the same committed rows. */
export const CURRENT_SNAPSHOT_SQL = statement<{ snapshot: string }>(`SELECT pg_current_snapshot()::text AS snapshot`);
