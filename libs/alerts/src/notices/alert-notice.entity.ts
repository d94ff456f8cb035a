import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { sqlList } from '#common';
import { ALERT_SEVERITIES, AlertEntity, type AlertSeverity } from '../alert.entity.js';

/**
 * Who has been told of which alert at which severity, and in which mail (the notice key of its notifications row).
 * One mail per recipient and scan run lists only what is new to that person: an alert they never heard of, or one
 * that has climbed above every level they heard it at. Recorded in the statement that records the mail, so the two
 * exist together; the key makes a second scan run, or two at once, tell nobody twice.
 */
@Entity({ name: 'alert_notices' })
@Check('ck_alert_notices_severity', `severity IN (${sqlList(ALERT_SEVERITIES)})`)
export class AlertNoticeEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_alert_notices' })
  alertId: string;

  @ManyToOne(() => AlertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alert_id', foreignKeyConstraintName: 'fk_alert_notices_alert' })
  alert?: Relation<AlertEntity>;

  /** The address as mailed: trimmed and lower-cased. */
  @PrimaryColumn({ type: 'varchar', length: 254, primaryKeyConstraintName: 'pk_alert_notices' })
  recipient: string;

  @PrimaryColumn({ type: 'varchar', length: 10, primaryKeyConstraintName: 'pk_alert_notices' })
  severity: AlertSeverity;

  @Column({ type: 'varchar', length: 400 })
  noticeKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
