import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { queryOne, TRY_XACT_LOCK_SQL, type AppConfig } from '#common';
import { WEBHOOK_FAN_OUT, WEBHOOK_QUEUE } from '#integration';
import { QUEUES, type AnyQueueName as ScheduledQueue } from '#queue';
import {
  DRAIN_OVERLAPS,
  FOLD_PORTFOLIO_ROLLUPS,
  SCAN_OVERLAPS,
  SCAN_PORTFOLIO,
  WEEKLY_DIGEST,
  type JobName,
  type UntrackedJobName,
} from './job-names.js';

/** A cron pattern in TIME_ZONE, or an interval in ms read from the configuration. */
type JobSchedule = {
  id: string;
  queue: ScheduledQueue;
  jobName: JobName | UntrackedJobName | typeof WEBHOOK_FAN_OUT;
} & ({ pattern: string } | { everyMsFrom: 'WEBHOOK_FAN_OUT_INTERVAL_MS' | 'OVERLAP_DRAIN_INTERVAL_MS' });

/**
 * Every schedule, in one list. Cron patterns are in TIME_ZONE (Europe/Stockholm), so 06:00 stays 06:00 across
 * daylight-saving changes.
 */
export const JOB_SCHEDULES: readonly JobSchedule[] = [
  { id: 'daily-portfolio-scan', queue: QUEUES.portfolioScans, jobName: SCAN_PORTFOLIO, pattern: '0 6 * * *' },
  { id: 'weekly-digest', queue: QUEUES.notifications, jobName: WEEKLY_DIGEST, pattern: '0 7 * * 1' },
  // Mondays after the daily scan, so the week's overlap alerts are in the leadership group's week from its start.
  { id: 'weekly-overlap-scan', queue: QUEUES.portfolioScans, jobName: SCAN_OVERLAPS, pattern: '30 6 * * 1' },
  // New events become webhook deliveries within seconds.
  { id: 'webhook-fan-out', queue: WEBHOOK_QUEUE, jobName: WEBHOOK_FAN_OUT, everyMsFrom: 'WEBHOOK_FAN_OUT_INTERVAL_MS' },
  // A change's overlap pairs are rescored within seconds, in the worker, never in a read.
  {
    id: 'overlap-drain',
    queue: QUEUES.portfolioScans,
    jobName: DRAIN_OVERLAPS,
    everyMsFrom: 'OVERLAP_DRAIN_INTERVAL_MS',
  },
  // The summary's roll-ups gain a few rows a change; folding them keeps its read a few hundred rows.
  { id: 'portfolio-rollups-fold', queue: QUEUES.portfolioScans, jobName: FOLD_PORTFOLIO_ROLLUPS, pattern: '* * * * *' },
];

/**
 * Registers the job schedulers when a worker starts, so that exactly one of several workers starting together
 * writes them and they do not rewrite each other's next run: a PostgreSQL advisory lock lets one worker at a time
 * look, and the one holding it writes only a scheduler that is missing or differs. A worker that finds the lock
 * taken leaves the work to its holder; one that comes just after finds the schedulers in place.
 */
@Injectable()
export class JobSchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedulesService.name);
  private readonly queues: Record<ScheduledQueue, Queue>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.portfolioScans) portfolioScans: Queue,
    @InjectQueue(QUEUES.notifications) notifications: Queue,
    @InjectQueue(WEBHOOK_QUEUE) webhooks: Queue,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    this.queues = {
      [QUEUES.portfolioScans]: portfolioScans,
      [QUEUES.notifications]: notifications,
      [WEBHOOK_QUEUE]: webhooks,
    };
  }

  async onApplicationBootstrap() {
    await this.upsertSchedules();
  }

  async upsertSchedules(): Promise<void> {
    const tz = this.config.get('TIME_ZONE', { infer: true });
    const lockName = `samla-job-schedulers:${this.config.get('QUEUE_PREFIX', { infer: true })}`;
    return this.dataSource.transaction(async (em) => {
      const { locked } = await queryOne(em, TRY_XACT_LOCK_SQL, [lockName]);
      if (!locked) {
        this.logger.log('Another worker is registering the job schedulers');
        return;
      }
      const wanted = JOB_SCHEDULES.map((schedule) => ({
        schedule,
        repeat:
          'pattern' in schedule
            ? { pattern: schedule.pattern, tz }
            : { every: this.config.get(schedule.everyMsFrom, { infer: true }) },
      }));
      const current = await Promise.all(
        JOB_SCHEDULES.map((schedule) => this.queues[schedule.queue].getJobScheduler(schedule.id)),
      );
      const stale = wanted.filter(({ schedule, repeat }, i) => {
        const now = current[i];
        return (
          now?.name !== schedule.jobName ||
          ('pattern' in repeat
            ? now.pattern !== repeat.pattern || now.tz !== repeat.tz
            : Number(now.every) !== repeat.every)
        );
      });
      if (stale.length === 0) {
        this.logger.log('Job schedulers already registered, by another worker or an earlier start');
        return;
      }
      for (const { schedule, repeat } of stale) {
        await this.queues[schedule.queue].upsertJobScheduler(schedule.id, repeat, { name: schedule.jobName, data: {} });
      }
      const described = stale.map(
        ({ schedule, repeat }) =>
          `${schedule.id} (${'pattern' in repeat ? `${repeat.pattern}, ${repeat.tz}` : `every ${repeat.every} ms`})`,
      );
      this.logger.log(`Job schedulers registered: ${described.join(', ')}`);
    });
  }
}
