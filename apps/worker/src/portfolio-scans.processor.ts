import { Processor } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import type { Job } from 'bullmq';
import { AlertScansService } from '#alerts';
import type { AppConfig } from '#common';
import { isScanName, JobRunsService, QUEUES, SCAN_PORTFOLIO, type JobPayload } from '#jobs';
import { BoundedWorkerHost } from './bounded-worker-host.js';

/** `scan-portfolio` runs every scan; a job named after one scan runs that scan alone. */
@Processor(QUEUES.portfolioScans)
export class PortfolioScansProcessor extends BoundedWorkerHost {
  constructor(
    private readonly runs: JobRunsService,
    private readonly scans: AlertScansService,
    config: ConfigService<AppConfig, true>,
  ) {
    super(config);
  }

  process(job: Job<JobPayload>) {
    return this.runs.track(job, (asOf) => {
      if (job.name === SCAN_PORTFOLIO) return this.scans.runAll(asOf);
      if (isScanName(job.name)) return this.scans.runScan(job.name, asOf);
      throw new Error(`No scan named ${job.name}`);
    });
  }
}
