import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `pending` → `sending` (claimed by one sender) → `sent`; a failed send goes back to `pending` until
 * MAX_SEND_ATTEMPTS, then `failed`. A row still `sending` after its sender died is never sent again: at most once.
 */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One notice to one recipient, recorded under a unique key before it is sent (`alerts:<scan run id>:<recipient>`,
 * `digest:<ISO week>:<recipient>`, …), so a retried, stalled or replayed job never sends it twice. The row holds the
 * whole mail, so any worker can send it.
 */
@Entity({ name: 'notifications' })
@Check('ck_notifications_status', `status IN ('pending', 'sending', 'sent', 'failed')`)
@Index('ix_notifications_unsent', ['status', 'createdAt'], { where: `status IN ('pending', 'sending')` })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ux_notifications_notice_key', { unique: true })
  @Column({ type: 'varchar', length: 400 })
  noticeKey: string;

  @Index('ix_notifications_alert_id')
  @Column({ type: 'uuid', nullable: true })
  alertId: string | null;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  /** The mail's plain text, in Swedish. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When a sender last claimed it; a row `sending` long after this was abandoned by a sender that died. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
