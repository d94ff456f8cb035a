import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/environment.js';
import { REDIS_CLIENT } from './redis-client.js';
import { SnapshotCache } from './snapshot-cache.js';

export { REDIS_CLIENT };

/** One Redis connection per process for readiness and small commands; BullMQ keeps its own connections. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        new Redis(config.get('REDIS_URL'), {
          // Fail fast while Redis is down instead of queueing commands; ioredis keeps reconnecting meanwhile.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          lazyConnect: false,
          retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
        }),
    },
    SnapshotCache,
  ],
  exports: [REDIS_CLIENT, SnapshotCache],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  onApplicationShutdown() {
    this.redis.disconnect();
  }
}
