import { queryOne, type SqlRunner } from '#common';
import { enqueueNoticesSql, type Notices } from './outbox.sql.js';

export type { NoticeRow, Notices } from './outbox.sql.js';

/**
 * Records notices in the outbox, set-based, before anything is sent: a key already there (planned, sent or failed
 * before) is left as it is. Answers how many were new.
 */
export async function enqueueNotices(em: SqlRunner, notices: Notices): Promise<number> {
  return (await queryOne(em, enqueueNoticesSql(notices))).enqueued;
}
