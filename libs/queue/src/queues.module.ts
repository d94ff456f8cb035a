import { BullModule } from '@nestjs/bullmq';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue, type DefaultJobOptions, type RedisOptions } from 'bullmq';
import type { AppConfig } from '#common';
import { QUEUES } from './queues.js';

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

/**
 * Without an error listener BullMQ prints every failed reconnect to stderr with its stack; this queue logs it as one
 * JSON warning instead. The listener is attached in the constructor, because the first connection error can arrive
 * before any provider's onModuleInit, and a queue added later is covered too.
 */
class LoggedQueue extends Queue {
  private static readonly logger = new Logger('Queues');

  constructor(...args: ConstructorParameters<typeof Queue>) {
    super(...args);
    this.on('error', (error) => LoggedQueue.logger.warn(`Queue ${this.name}: ${error.message}`));
  }
}
BullModule.queueClass = LoggedQueue;

@Module({})
export class QueuesModule {
  static forRoot(role: QueueRole): DynamicModule {
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) => ({
            connection: {
              url: config.get('REDIS_URL', { infer: true }),
              retryStrategy: (attempt: number) => Math.min(attempt * 200, 5_000),
              ...CONNECTION[role],
            },
            prefix: config.get('QUEUE_PREFIX', { infer: true }),
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
        BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
      ],
      exports: [BullModule],
    };
  }
}
