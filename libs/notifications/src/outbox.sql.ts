import { bound, type BoundStatement } from '#common';

/** The columns a context's notices SELECT answers, one row per mail (see Notices). */
export type NoticeRow = {
  notice_key: string;
  alert_id: string | null;
  recipient: string;
  subject: string;
  body: string;
};

/**
 * Notices a context wants sent: a SELECT (with its own `$1…$n` parameters) answering NoticeRow, one row per mail. The
 * key names what the notice is about and who gets it, so the same notice planned again finds its row and adds nothing.
 * `ctes` (named queries, comma-separated, without WITH) come first in the statement, for the SELECT to read; they may
 * write, e.g. a record of what the notices tell, which then exists exactly when the notices do.
 */
export type Notices = BoundStatement<NoticeRow> & { ctes?: string };

/** Inserts the notices the outbox does not hold yet (by key) and counts them. */
export function enqueueNoticesSql(notices: Notices): BoundStatement<{ enqueued: number }> {
  return bound(
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
}
