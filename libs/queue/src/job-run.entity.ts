import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const JOB_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

export type JobRunCounts = {
  raised: number;
  escalated: number;
  resolved: number;
  notified?: number;
  created?: number;
  /** `kolada-import` only: values written, values Kolada gave again unchanged, KPIs it returned nothing for. */
  imported?: number;
  unchanged?: number;
  missingKpis?: string[];
  /** `refresh-overlaps` only: initiatives whose overlap pairs were computed anew. */
  rescored?: number;
};

/** One run of a job, scheduled or asked for: its history lives here, not only in Redis (which prunes it). */
@Entity({ name: 'job_runs' })
@Check('ck_job_runs_status', `status IN ('queued', 'running', 'completed', 'failed')`)
@Index('ix_job_runs_job_name_queued_at', ['jobName', 'queuedAt'])
export class JobRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  jobName: string;

  /** The day the scan judged the portfolio as of. */
  @Column({ type: 'date' })
  asOf: string;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status: JobRunStatus;

  /** The actor id of whoever asked for the run; null for the scheduler. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  requestedBy: string | null;

  @Column({ type: 'jsonb', nullable: true })
  counts: JobRunCounts | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  queuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
