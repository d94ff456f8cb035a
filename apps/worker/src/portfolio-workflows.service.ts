import { Injectable } from '@nestjs/common';
import { AlertNoticesService, AlertScansService, type ScanCounts, type ScanName } from '#alerts';
import { RoundRemindersService } from '#follow-up';
import type { JobRunCounts } from '#queue';
import { NotificationsService } from '#notifications';
import { OverlapScanService } from '#portfolio-review';

/**
 * What a scan run does beyond the scan: the ladder's notices are planned (one mail per recipient and run, listing the
 * open alerts new to them) and the outbox sends what is pending. A retried or replayed job finds its notices already
 * recorded and sends none twice.
 */
@Injectable()
export class PortfolioWorkflows {
  constructor(
    private readonly scans: AlertScansService,
    private readonly overlaps: OverlapScanService,
    private readonly reminders: RoundRemindersService,
    private readonly notices: AlertNoticesService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The daily run (06:00): every scan, then the reporting rounds' reminders as of the same day, so the scheduler
   * that drives the scans drives them too and one send carries both.
   */
  runDaily(asOf: string, runId: string): Promise<JobRunCounts> {
    return this.thenNotify(runId, async () => {
      const counts = await this.scans.runAll(asOf);
      await this.reminders.plan(asOf);
      return counts;
    });
  }

  /** One scan alone, as `/jobs` may ask for it. */
  runScan(name: ScanName, asOf: string, runId: string): Promise<JobRunCounts> {
    return this.thenNotify(runId, () => this.scans.runScan(name, asOf));
  }

  /** The weekly overlap scan (the pairs are #portfolio-review's, which #alerts must not import). */
  runOverlapScan(asOf: string, runId: string): Promise<JobRunCounts> {
    return this.thenNotify(runId, () => this.overlaps.run(asOf));
  }

  private async thenNotify(runId: string, scan: () => Promise<ScanCounts>): Promise<JobRunCounts> {
    const counts = await scan();
    await this.notices.planAlertNotices(runId);
    const { sent } = await this.notifications.sendPending();
    return { ...counts, notified: sent };
  }

  /** The leadership group's weekly digest as of the job's day, then whatever the outbox has pending. */
  async sendWeeklyDigest(asOf: string): Promise<JobRunCounts> {
    await this.notices.planWeeklyDigest(asOf);
    const { sent } = await this.notifications.sendPending();
    // A digest raises, escalates and resolves nothing; the counts keep the shape every run has.
    return { raised: 0, escalated: 0, resolved: 0, notified: sent };
  }
}
