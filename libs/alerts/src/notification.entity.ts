import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One notice to one recipient, recorded under a unique key before it is sent (`alert:<id>:<severity>:<recipient>`,
 * `digest:<ISO week>:<recipient>`), so a retried, stalled or replayed job never sends it twice.
 */
@Entity({ name: 'notifications' })
@Check('ck_notifications_status', `status IN ('pending', 'sent', 'failed')`)
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

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
