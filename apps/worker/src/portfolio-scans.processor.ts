import { Processor } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import type { Job } from 'bullmq';
import { AlertNoticesService, AlertScansService, type ScanCounts } from '#alerts';
import type { AppConfig } from '#common';
import { isScanName, JobRunsService, QUEUES, SCAN_PORTFOLIO, type JobPayload, type JobRunCounts } from '#jobs';
import { NotificationsService } from '#notifications';
import { BoundedWorkerHost } from './bounded-worker-host.js';

/**
 * `scan-portfolio` runs every scan; a job named after one scan runs that scan alone. Then the ladder's notices are
 * planned for every open alert and the outbox sends what is pending: a retried or replayed job finds its notices
 * already recorded and sends none twice.
 */
@Processor(QUEUES.portfolioScans)
export class PortfolioScansProcessor extends BoundedWorkerHost {
  constructor(
    private readonly runs: JobRunsService,
    private readonly scans: AlertScansService,
    private readonly notices: AlertNoticesService,
    private readonly notifications: NotificationsService,
    config: ConfigService<AppConfig, true>,
  ) {
    super(config);
  }

  process(job: Job<JobPayload>) {
    return this.runs.track(job, async (asOf): Promise<JobRunCounts> => {
      const counts = await this.scan(job.name, asOf);
      await this.notices.planAlertNotices();
      const { sent } = await this.notifications.sendPending();
      return { ...counts, notified: sent };
    });
  }

  private scan(name: string, asOf: string): Promise<ScanCounts> {
    if (name === SCAN_PORTFOLIO) return this.scans.runAll(asOf);
    if (isScanName(name)) return this.scans.runScan(name, asOf);
    throw new Error(`No scan named ${name}`);
  }
}
