import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/environment.js';
import { queryOne } from '../persistence/statement.js';
import { REDIS_CLIENT } from './redis-client.js';
import { CURRENT_SNAPSHOT_SQL } from './snapshot-cache.sql.js';

/**
 * Long enough to serve a meeting's worth of reads of an unchanged portfolio; the key space is one entry per read and
 * question, so memory stays bounded whatever the write rate (Redis runs with noeviction: the queues share it).
 */
const TTL_SECONDS = 600;

/**
 * Serves a read-only computation's answer again while the database has not changed. The key is the database
 * snapshot the computation runs in: two transactions whose `pg_current_snapshot()` is the same (xmin, xmax and the
 * transactions in progress) see exactly the same committed rows, so an answer cached under one is exact for the other.
 * Nothing has to remember to invalidate it: any commit anywhere gives the next reader another snapshot. One entry per
 * question (`name` and `question`, e.g. the filters and today's date) holds the latest snapshot's answer.
 *
 * Redis is a shortcut, never a dependency: when it is down or answers garbage, the computation runs as without it.
 *
 * Readers of one question in one snapshot arriving while its answer is being computed in this process wait for that
 * computation instead of starting their own: right after a commit every reader misses the cache at once, and a
 * stampede of identical computations on a busy API made each of them slower than all the readers waiting for one.
 */
@Injectable()
export class SnapshotCache {
  private readonly logger = new Logger(SnapshotCache.name);
  private readonly prefix: string;
  /** The computations under way in this process, by key and snapshot; each entry is removed when it settles. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: ConfigService<AppConfig, true>,
  ) {
    this.prefix = `${config.get('QUEUE_PREFIX', { infer: true })}:snapshot-cache`;
  }

  /**
   * `em` must be a REPEATABLE READ (or SERIALIZABLE) transaction that has not run a statement yet: reading the snapshot
   * first fixes the one `compute` then runs in.
   */
  async read<T>(em: EntityManager, name: string, question: unknown, compute: () => Promise<T>): Promise<T> {
    const { snapshot } = await queryOne(em, CURRENT_SNAPSHOT_SQL);
    const key = `${this.prefix}:${name}:${createHash('sha256').update(JSON.stringify(question)).digest('hex')}`;
    const cached = await this.redis.get(key).catch((error: Error) => this.skip(error));
    if (cached) {
      const entry = JSON.parse(cached) as { snapshot: string; answer: T };
      if (entry.snapshot === snapshot) return entry.answer;
    }
    const flight = `${key}\n${snapshot}`;
    const underWay = this.inFlight.get(flight) as Promise<T> | undefined;
    // A computation that failed in another request's transaction is tried again in this one.
    if (underWay) return underWay.catch(() => compute());
    const computing = this.computeAndStore(key, snapshot, compute);
    this.inFlight.set(flight, computing);
    try {
      return await computing;
    } finally {
      this.inFlight.delete(flight);
    }
  }

  private async computeAndStore<T>(key: string, snapshot: string, compute: () => Promise<T>): Promise<T> {
    const answer = await compute();
    await this.redis
      .set(key, JSON.stringify({ snapshot, answer }), 'EX', TTL_SECONDS)
      .catch((error: Error) => this.skip(error));
    return answer;
  }

  private skip(error: Error): null {
    this.logger.warn(`Snapshot cache skipped: ${error.message}`);
    return null;
  }
}
