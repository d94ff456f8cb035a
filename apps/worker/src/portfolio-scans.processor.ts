import { Processor } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import type { Job } from 'bullmq';
import { AlertNoticesService, AlertScansService, type ScanCounts } from '#alerts';
import type { AppConfig } from '#common';
import { RoundRemindersService, StatusReportGenerator } from '#follow-up';
import { CREATE_STATUS_REPORTS, isScanName, KOLADA_IMPORT, JobRunsService, QUEUES, SCAN_OVERLAPS, SCAN_PORTFOLIO, type JobPayload, type JobRunCounts } from '#jobs';
import { NotificationsService } from '#notifications';
import { OverlapScanService } from '#portfolio-review';
import { KoladaImportService } from '#results';
import { BoundedWorkerHost } from './bounded-worker-host.js';

/**
 * `scan-portfolio` runs every scan; a job named after one scan runs that scan alone. Then the ladder's notices are
 * planned — one mail per recipient and run, listing the open alerts new to them — and the outbox sends what is
 * pending: a retried or replayed job finds its notices already recorded and sends none twice. The daily
 * `scan-portfolio` also plans the reporting rounds' reminders, so the scheduler that drives the scans drives them,
 * with the same `asOf` and in the same send.
 * `scan-overlaps` (weekly) raises the `possible_overlap` alerts, then notices as the other scans.
 * `create-status-reports` creates one reporting round's status reports; `kolada-import` reads Kolada's figures.
 */
@Processor(QUEUES.portfolioScans)
export class PortfolioScansProcessor extends BoundedWorkerHost {
  constructor(
    private readonly runs: JobRunsService,
    private readonly scans: AlertScansService,
    private readonly notices: AlertNoticesService,
    private readonly notifications: NotificationsService,
    private readonly statusReports: StatusReportGenerator,
    private readonly reminders: RoundRemindersService,
    private readonly kolada: KoladaImportService,
    private readonly overlaps: OverlapScanService,
    config: ConfigService<AppConfig, true>,
  ) {
    super(config);
  }

  process(job: Job<JobPayload>) {
    if (job.name === CREATE_STATUS_REPORTS) return this.runs.track(job, () => this.createStatusReports(job.data));
    if (job.name === KOLADA_IMPORT) return this.runs.track(job, async (asOf) => ({ raised: 0, escalated: 0, resolved: 0, ...(await this.kolada.run(asOf)) }));
    return this.runs.track(job, async (asOf, runId): Promise<JobRunCounts> => {
      const counts = await this.scan(job.name, asOf);
      if (job.name === SCAN_PORTFOLIO) await this.reminders.plan(asOf);
      await this.notices.planAlertNotices(runId);
      const { sent } = await this.notifications.sendPending();
      return { ...counts, notified: sent };
    });
  }

  private async createStatusReports({ roundId }: JobPayload): Promise<JobRunCounts> {
    if (!roundId) throw new Error(`${CREATE_STATUS_REPORTS} needs a roundId`);
    return { raised: 0, escalated: 0, resolved: 0, created: await this.statusReports.createForRound(roundId) };
  }

  private scan(name: string, asOf: string): Promise<ScanCounts> {
    if (name === SCAN_PORTFOLIO) return this.scans.runAll(asOf);
    if (name === SCAN_OVERLAPS) return this.overlaps.run(asOf);
    if (isScanName(name)) return this.scans.runScan(name, asOf);
    throw new Error(`No scan named ${name}`);
  }
}
