import { statement } from '#common';
import type { OutgoingMail } from './mail-transport.js';

/**
 * Claims up to `$1` pending notices, skipping ids `$2` (failed in this run) and rows another sender holds: committed
 * as `sending` before anything is sent, so no notice goes out twice.
 */
export const CLAIM_NOTICES_SQL = statement<OutgoingMail>(
  `UPDATE notifications n
      SET status = 'sending', attempts = n.attempts + 1, claimed_at = now()
    WHERE n.id IN (
      SELECT id FROM notifications
       WHERE status = 'pending' AND NOT (id = ANY($2::uuid[]))
       ORDER BY created_at
       LIMIT $1
       FOR UPDATE SKIP LOCKED
    )
    RETURNING n.id, n.notice_key AS "noticeKey", n.recipient, n.subject, n.body`,
);

export const MARK_SENT_SQL = statement<never>(
  `UPDATE notifications SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
);

/** Back to `pending` with the error (ids `$1`, errors `$2`), or `failed` once `$3` attempts are used up. */
export const MARK_FAILED_SQL = statement<{ retrying: number; failed: number }>(
  `WITH updated AS (
     UPDATE notifications n
        SET status = CASE WHEN n.attempts >= $3 THEN 'failed' ELSE 'pending' END, last_error = f.error
       FROM unnest($1::uuid[], $2::text[]) AS f(id, error)
      WHERE n.id = f.id AND n.status = 'sending'
      RETURNING n.status
   )
   SELECT count(*) FILTER (WHERE status = 'pending')::int AS retrying, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM updated`,
);

/** Notices a sender claimed more than `$1` ago and never recorded: it died mid-batch. */
export const COUNT_ABANDONED_SQL = statement<{ abandoned: number }>(
  `SELECT count(*)::int AS abandoned FROM notifications WHERE status = 'sending' AND claimed_at < now() - $1::interval`,
);
