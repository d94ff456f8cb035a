import { Processor } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import type { Job } from 'bullmq';
import { SCAN_NAMES, type ScanName } from '#alerts';
import type { AppConfig } from '#common';
import { CREATE_STATUS_REPORTS, StatusReportGenerator } from '#follow-up';
import { KOLADA_IMPORT, SCAN_OVERLAPS, SCAN_PORTFOLIO, type JobNameOn, type JobPayloads } from '#jobs';
import { handlerFor, JobRunsService, QUEUES, type JobRunCounts } from '#queue';
import { KoladaImportService } from '#results';
import { BoundedWorkerHost } from './bounded-worker-host.js';
import { PortfolioWorkflows } from './portfolio-workflows.service.js';

type PortfolioScansJob = JobNameOn<typeof QUEUES.portfolioScans>;
type Handler<N extends PortfolioScansJob> = (
  asOf: string,
  runId: string,
  data: JobPayloads[N],
) => Promise<JobRunCounts>;

/** Dispatches the portfolio-scans queue's jobs to their handlers, each run tracked in job_runs. */
@Processor(QUEUES.portfolioScans)
export class PortfolioScansProcessor extends BoundedWorkerHost {
  private readonly handlers: { [N in PortfolioScansJob]: Handler<N> };

  constructor(
    private readonly runs: JobRunsService,
    workflows: PortfolioWorkflows,
    statusReports: StatusReportGenerator,
    kolada: KoladaImportService,
    config: ConfigService<AppConfig, true>,
  ) {
    super(config);
    // Each scan can run alone under its own name.
    const eachScan = {} as Record<ScanName, Handler<ScanName>>;
    for (const name of SCAN_NAMES) eachScan[name] = (asOf, runId) => workflows.runScan(name, asOf, runId);
    this.handlers = {
      ...eachScan,
      [SCAN_PORTFOLIO]: (asOf, runId) => workflows.runDaily(asOf, runId),
      [SCAN_OVERLAPS]: (asOf, runId) => workflows.runOverlapScan(asOf, runId),
      [KOLADA_IMPORT]: async (asOf) => ({ raised: 0, escalated: 0, resolved: 0, ...(await kolada.run(asOf)) }),
      [CREATE_STATUS_REPORTS]: async (_asOf, _runId, { roundId }) => ({
        raised: 0,
        escalated: 0,
        resolved: 0,
        created: await statusReports.createForRound(roundId),
      }),
    };
  }

  process(job: Job<JobPayloads[PortfolioScansJob]>) {
    // Looked up inside the run, so a job of an unknown name fails in job_runs too.
    return this.runs.track(job, (asOf, runId) =>
      (handlerFor(this.handlers, QUEUES.portfolioScans, job.name) as Handler<PortfolioScansJob>)(asOf, runId, job.data),
    );
  }
}
