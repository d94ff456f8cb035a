import type { EntityManager } from 'typeorm';

/**
 * Notices a context wants sent: a SELECT (with its own `$1…$n` parameters) whose rows have the columns
 * `notice_key, alert_id, recipient, subject, body`, one row per mail. The key names what the notice is about and who
 * gets it, so the same notice planned again finds its row and adds nothing. `ctes` (named queries, comma-separated,
 * without WITH) come first in the statement, for the SELECT to read; they may write, e.g. a record of what the
 * notices tell, which then exists exactly when the notices do.
 */
export type Notices = { sql: string; params: unknown[]; ctes?: string };

/**
 * Records notices in the outbox, set-based, before anything is sent: a key already there (planned, sent or failed
 * before) is left as it is. Answers how many were new.
 */
export async function enqueueNotices(em: Pick<EntityManager, 'query'>, notices: Notices): Promise<number> {
  const [{ enqueued }] = await em.query(
    `WITH ${notices.ctes ? `${notices.ctes},` : ''}
     inserted AS (
       INSERT INTO notifications (notice_key, alert_id, recipient, subject, body)
       SELECT n.notice_key, n.alert_id, n.recipient, left(n.subject, 300), n.body FROM (${notices.sql}) n
       ORDER BY n.notice_key
       ON CONFLICT (notice_key) DO NOTHING
       RETURNING 1
     )
     SELECT count(*)::int AS enqueued FROM inserted`,
    notices.params,
  );
  return enqueued;
}
