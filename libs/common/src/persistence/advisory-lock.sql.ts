import { statement } from './statement.js';

/**
 * The transaction-scoped advisory lock named `$1`, held until commit: it serialises writers that row locks cannot
 * (two moves in a tree each pass their own check, together they build a cycle).
 */
export const XACT_LOCK_SQL = statement<never>(`SELECT pg_advisory_xact_lock(hashtext($1))`);

/** The same lock without waiting: `locked` is false when another transaction holds it. */
export const TRY_XACT_LOCK_SQL = statement<{ locked: boolean }>(
  `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`,
);
