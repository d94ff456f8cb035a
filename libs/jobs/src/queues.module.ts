import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { DefaultJobOptions, Queue, RedisOptions } from 'bullmq';
import type { AppConfig } from '#common';
import { QUEUES } from './job-names.js';

/**
 * The API only adds jobs: its connection fails a command at once while Redis is down (no offline queue), so a
 * job trigger answers 503 instead of hanging, and nothing else in the API waits on it. The worker blocks on
 * Redis for jobs, which BullMQ requires to retry forever (`maxRetriesPerRequest: null`); both keep reconnecting.
 */
export type QueueRole = 'producer' | 'worker';

const CONNECTION: Record<QueueRole, RedisOptions> = {
  producer: { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 },
  worker: { maxRetriesPerRequest: null },
};

/** A failed attempt is retried after 30 s, then 60 s; finished jobs are pruned (their history is in job_runs). */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 5_000 },
};

/** Without a listener BullMQ prints every failed reconnect to stderr; this logs it as one JSON warning instead. */
@Injectable()
class QueueErrorLog implements OnModuleInit {
  private readonly logger = new Logger('Queues');

  constructor(@InjectQueue(QUEUES.portfolioScans) private readonly portfolioScans: Queue, @InjectQueue(QUEUES.notifications) private readonly notifications: Queue) {}

  onModuleInit() {
    for (const queue of [this.portfolioScans, this.notifications]) {
      queue.on('error', (error) => this.logger.warn(`Queue ${queue.name}: ${error.message}`));
    }
  }
}

@Module({})
export class QueuesModule {
  static forRoot(role: QueueRole): DynamicModule {
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) => ({
            connection: { url: config.get('REDIS_URL'), retryStrategy: (attempt: number) => Math.min(attempt * 200, 5_000), ...CONNECTION[role] },
            prefix: config.get('QUEUE_PREFIX'),
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
        BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
      ],
      providers: [QueueErrorLog],
      exports: [BullModule],
    };
  }
}
