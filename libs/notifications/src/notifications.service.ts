import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { execute, queryOne, queryRows } from '#common';
import { MailTransport, type OutgoingMail } from './mail-transport.js';
import { CLAIM_NOTICES_SQL, COUNT_ABANDONED_SQL, MARK_FAILED_SQL, MARK_SENT_SQL } from './notifications.sql.js';

/** Sends of one notice before it is given up as `failed`. */
export const MAX_SEND_ATTEMPTS = 5;
/** Notices claimed per statement; also the most left `sending` by a sender that dies mid-batch. */
const BATCH_SIZE = 25;
/** A claim older than this, still `sending`, belongs to a sender that died (a batch takes seconds, a hung send at most a minute). */
const ABANDONED_AFTER = '1 hour';

export type SendCounts = { sent: number; retrying: number; failed: number; abandoned: number };

/**
 * Sends what the outbox holds, at most once per notice. Each batch is claimed in a committed statement (`pending` →
 * `sending`, FOR UPDATE SKIP LOCKED, so concurrent senders take different rows), sent, then recorded as `sent`, or as
 * `pending` with the error for a later run (after MAX_SEND_ATTEMPTS, `failed`). A sender killed between claim and
 * record leaves its rows `sending`; they are not sent again, because whether the mail went out is unknown and a
 * second copy is what the outbox exists to prevent. They are counted (`abandoned`) and logged for a person to look at.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
  ) {}

  async sendPending(): Promise<SendCounts> {
    const counts: SendCounts = { sent: 0, retrying: 0, failed: 0, abandoned: await this.countAbandoned() };
    // A notice that failed in this run waits for the next run rather than using up its attempts at once.
    const failedNow: string[] = [];
    for (let batch = await this.claim(failedNow); batch.length > 0; batch = await this.claim(failedNow)) {
      const outcomes = await Promise.allSettled(batch.map((mail) => this.transport.send(mail)));
      const sent = batch.filter((_, i) => outcomes[i].status === 'fulfilled').map((mail) => mail.id);
      const failures = batch.flatMap((mail, i) => {
        const outcome = outcomes[i];
        return outcome.status === 'rejected' ? [{ id: mail.id, error: errorText(outcome.reason) }] : [];
      });
      counts.sent += await this.markSent(sent);
      const { retrying, failed } = await this.markFailed(failures);
      counts.retrying += retrying;
      counts.failed += failed;
      failedNow.push(...failures.map((f) => f.id));
    }
    if (counts.abandoned > 0) {
      this.logger.warn(
        `${counts.abandoned} notices stayed 'sending' after their sender stopped; not sent again (at most once). Check whether they arrived.`,
      );
    }
    if (counts.retrying + counts.failed > 0)
      this.logger.warn(`Mail: ${counts.retrying} sends to retry later, ${counts.failed} given up`);
    return counts;
  }

  private claim(skip: string[]): Promise<OutgoingMail[]> {
    return queryRows(this.dataSource, CLAIM_NOTICES_SQL, [BATCH_SIZE, skip]);
  }

  private async markSent(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return (await execute(this.dataSource, MARK_SENT_SQL, [ids])) ?? 0;
  }

  private async markFailed(failures: { id: string; error: string }[]): Promise<{ retrying: number; failed: number }> {
    if (failures.length === 0) return { retrying: 0, failed: 0 };
    return queryOne(this.dataSource, MARK_FAILED_SQL, [
      failures.map((f) => f.id),
      failures.map((f) => f.error),
      MAX_SEND_ATTEMPTS,
    ]);
  }

  private async countAbandoned(): Promise<number> {
    return (await queryOne(this.dataSource, COUNT_ABANDONED_SQL, [ABANDONED_AFTER])).abandoned;
  }
}

function errorText(reason: unknown): string {
  return (reason instanceof Error ? reason.message : String(reason)).slice(0, 2000);
}
