import { WorkerHost } from '@nestjs/bullmq';
import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { WorkerOptions } from 'bullmq';
import type { AppConfig } from '#common';
import { withinTimeout } from '#queue';

// Where @nestjs/bullmq keeps a processor class's worker options (@Processor's second argument); it does not export it.
const WORKER_OPTIONS_METADATA = 'bullmq:worker_metadata';

/**
 * What every processor of this worker shares: WORKER_CONCURRENCY jobs at once, a stop bounded by
 * SHUTDOWN_TIMEOUT_MS, and the job lock and stalled-job check timings. BullMQ's own close waits for running jobs
 * without limit, and a close once begun cannot be forced; so the worker first stops taking jobs and waits for the
 * running ones within the bound, then closes without waiting. A job still running then keeps its Redis lock until
 * it expires, and BullMQ's stalled-job check hands it to a worker again.
 */
export abstract class BoundedWorkerHost
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(this.constructor.name);

  constructor(private readonly config: ConfigService<AppConfig, true>) {
    super();
    // BullMQ reads the lock and stalled-check timings once, when @nestjs/bullmq builds the worker (after every
    // provider is constructed, from the class's options), so they go there rather than onto the worker afterwards.
    const decorated = Reflect.getMetadata(WORKER_OPTIONS_METADATA, this.constructor) as WorkerOptions | undefined;
    Reflect.defineMetadata(
      WORKER_OPTIONS_METADATA,
      {
        ...decorated,
        lockDuration: config.get('WORKER_LOCK_DURATION_MS', { infer: true }),
        stalledInterval: config.get('WORKER_STALLED_INTERVAL_MS', { infer: true }),
      },
      this.constructor,
    );
  }

  onApplicationBootstrap() {
    this.worker.concurrency = this.config.get('WORKER_CONCURRENCY', { infer: true });
    this.worker.on('error', (error) => this.logger.warn(`Worker: ${error.message}`));
  }

  async beforeApplicationShutdown() {
    const timeout = this.config.get('SHUTDOWN_TIMEOUT_MS', { infer: true });
    await withinTimeout(this.worker.pause(), timeout).catch(() =>
      this.logger.warn(`Jobs still running after ${timeout} ms; closing anyway, BullMQ will run them again as stalled`),
    );
    await this.worker.close(true);
  }
}
