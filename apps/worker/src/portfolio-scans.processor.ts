import { InjectQueue, Processor } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import type { Job, Queue } from 'bullmq';
import { SCAN_NAMES, type ScanName } from '#alerts';
import type { AppConfig } from '#common';
import { CREATE_STATUS_REPORTS, StatusReportGenerator } from '#follow-up';
import {
  DRAIN_OVERLAPS,
  FOLD_PORTFOLIO_ROLLUPS,
  KOLADA_IMPORT,
  REFRESH_OVERLAPS,
  SCAN_OVERLAPS,
  SCAN_PORTFOLIO,
  type JobNameOn,
  type JobPayloads,
  type UntrackedJobName,
} from '#jobs';
import { OverlapRefreshService, PortfolioRollupsService } from '#portfolio-review';
import { handlerFor, JobRunsService, QUEUES, type JobRunCounts } from '#queue';
import { KoladaImportService } from '#results';
import { BoundedWorkerHost } from './bounded-worker-host.js';
import { PortfolioWorkflows } from './portfolio-workflows.service.js';

type PortfolioScansJob = Exclude<JobNameOn<typeof QUEUES.portfolioScans>, UntrackedJobName>;
type Handler<N extends PortfolioScansJob> = (
  asOf: string,
  runId: string,
  data: JobPayloads[N],
  job: Job,
) => Promise<JobRunCounts>;

/**
 * Dispatches the portfolio-scans queue's jobs to their handlers, each run tracked in job_runs but the frequent
 * housekeeping (the overlap drain, the roll-ups' fold).
 */
@Processor(QUEUES.portfolioScans)
export class PortfolioScansProcessor extends BoundedWorkerHost {
  private readonly handlers: { [N in PortfolioScansJob]: Handler<N> };

  constructor(
    private readonly runs: JobRunsService,
    private readonly overlaps: OverlapRefreshService,
    private readonly rollups: PortfolioRollupsService,
    @InjectQueue(QUEUES.portfolioScans) private readonly queue: Queue,
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
      [REFRESH_OVERLAPS]: (_asOf, _runId, _data, job) => this.refreshOverlaps(job),
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
    if (job.name === DRAIN_OVERLAPS) return this.drainOverlaps();
    if (job.name === FOLD_PORTFOLIO_ROLLUPS) return this.rollups.fold();
    // Looked up inside the run, so a job of an unknown name fails in job_runs too.
    return this.runs.track(job, (asOf, runId) =>
      (handlerFor(this.handlers, QUEUES.portfolioScans, job.name) as Handler<PortfolioScansJob>)(
        asOf,
        runId,
        job.data,
        job,
      ),
    );
  }

  /**
   * Rescores what the overlap outbox notes. Before the first full refresh with the configured floor (after deploy, or
   * a new OVERLAP_LIST_MIN_SCORE) it queues that instead; the job id keeps it to one however many drains ask.
   */
  private async drainOverlaps(): Promise<unknown> {
    if (await this.overlaps.needsFullRefresh()) {
      return this.queue.add(
        REFRESH_OVERLAPS,
        {},
        { jobId: `${REFRESH_OVERLAPS}-floor-${this.overlaps.floor}`, removeOnComplete: true, removeOnFail: true },
      );
    }
    return this.overlaps.drain();
  }

  /** The full overlap refresh, its progress (`{ done, total }` outbox rows) on the job as it goes. */
  private async refreshOverlaps(job: Job): Promise<JobRunCounts> {
    const { dirty } = await this.overlaps.refreshAll((done, total) => job.updateProgress({ done, total }));
    return { raised: 0, escalated: 0, resolved: 0, rescored: dirty };
  }
}
