import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { execute, queryOne, queryRows, type AppConfig, type SqlRunner } from '#common';
import { OVERLAP_OPEN_STATUSES } from './overlap-rules.js';
import {
  buildDrainStatements,
  OUTBOX_COUNT_SQL,
  OUTBOX_WAITING_SQL,
  OVERLAP_STATE_SQL,
  REFRESH_LOCK_SQL,
  REFRESH_WORK_MEM_SQL,
  START_FULL_REFRESH_SQL,
  UNNOTED_SQL,
} from './overlaps.sql.js';

export interface OverlapDrainResult {
  /** Outbox rows read and deleted. */
  noted: number;
  /** Initiatives rescored (their facts changed, or they were never scored). */
  dirty: number;
  /** Initiatives no longer open: their pairs dropped. */
  gone: number;
}

/** Outbox rows per drain transaction: a change's few, or the full refresh's ~12,600 in steps that show progress. */
export const OVERLAP_DRAIN_BATCH = 500;

/**
 * One drain of at most `batch` outbox rows, through `runner` inside the caller's transaction (the service's and the
 * bench's floor send exactly these): unless the outbox is empty, wait for the lock, read the rows, then only if something changed forget,
 * remember and rescore (buildDrainStatements); delete the rows read.
 */
export async function drainOverlapOutbox(runner: SqlRunner, floor: number, batch: number): Promise<OverlapDrainResult> {
  // Most drains find nothing: one indexed look, no lock and no temp tables. A row noted just after is the next drain's.
  if (!(await queryOne(runner, OUTBOX_WAITING_SQL)).waiting) return { noted: 0, dirty: 0, gone: 0 };
  const statements = buildDrainStatements(floor, batch);
  await execute(runner, REFRESH_LOCK_SQL);
  await execute(runner, REFRESH_WORK_MEM_SQL);
  for (const prepare of statements.prepare) await execute(runner, prepare);
  const counts = await queryOne(runner, statements.counts);
  if (counts.dirty > 0) for (const facts of statements.facts) await execute(runner, facts);
  if (counts.dirty + counts.gone > 0) for (const forget of statements.forget) await execute(runner, forget);
  if (counts.dirty > 0) {
    await execute(runner, statements.remember);
    await execute(runner, statements.rescore);
  }
  await execute(runner, statements.handled);
  return counts;
}

/**
 * The full refresh's start, in one transaction under the lock: every open initiative (and every one scored before)
 * noted and its facts forgotten, the floor remembered. Draining the outbox then rescores each against those already
 * done, so every pair is computed once, when its later side is drained; the stored pairs stay readable meanwhile.
 */
export async function startFullOverlapRefresh(runner: SqlRunner, floor: number): Promise<void> {
  await execute(runner, REFRESH_LOCK_SQL);
  await execute(runner, START_FULL_REFRESH_SQL.note, [[...OVERLAP_OPEN_STATUSES]]);
  await execute(runner, START_FULL_REFRESH_SQL.forget);
  await execute(runner, START_FULL_REFRESH_SQL.state, [floor]);
}

export type DrainProgress = (done: number, total: number) => Promise<void>;

/**
 * Keeps overlap_pairs up to date from the overlap outbox, in the worker: the triggers note each initiative whose facts
 * may have changed, a drain rescores only those. Reads never refresh.
 */
@Injectable()
export class OverlapRefreshService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  get floor(): number {
    return this.config.get('OVERLAP_LIST_MIN_SCORE', { infer: true });
  }

  /** The pairs worth a meeting: those an alert would be raised for, never below what the list keeps at all. */
  get meetingFloor(): number {
    return Math.max(this.config.get('OVERLAP_ALERT_MIN_SCORE', { infer: true }), this.floor);
  }

  /** One batch, in its own transaction. */
  drainBatch(batch = OVERLAP_DRAIN_BATCH): Promise<OverlapDrainResult> {
    return this.dataSource.transaction((em) => drainOverlapOutbox(em, this.floor, batch));
  }

  /**
   * Drains what the outbox holds now, batch by batch. Bounded: rows noted meanwhile beyond one more batch are the next
   * drain's; another worker draining at the same time takes its turn on the lock and neither sees the other's rows.
   */
  async drain(progress?: DrainProgress, batch = OVERLAP_DRAIN_BATCH): Promise<OverlapDrainResult> {
    const { n: total } = await queryOne(this.dataSource, OUTBOX_COUNT_SQL);
    const sum: OverlapDrainResult = { noted: 0, dirty: 0, gone: 0 };
    for (let round = 0; round <= Math.ceil(total / batch); round++) {
      const one = await this.drainBatch(batch);
      if (one.noted === 0) break;
      sum.noted += one.noted;
      sum.dirty += one.dirty;
      sum.gone += one.gone;
      await progress?.(Math.min(sum.noted, total), total);
    }
    return sum;
  }

  /**
   * Whether a full refresh must run before drains can keep the pairs current: the stored pairs were computed with
   * another floor, or (after this feature's deploy) an open initiative is neither scored nor noted. A database where
   * every open initiative is one or the other (a new one: the triggers noted each as it was created) only remembers
   * the floor.
   */
  async needsFullRefresh(): Promise<boolean> {
    const [state] = await queryRows(this.dataSource, OVERLAP_STATE_SQL);
    if (state) return state.floor !== this.floor;
    const { missing } = await queryOne(this.dataSource, UNNOTED_SQL, [[...OVERLAP_OPEN_STATUSES]]);
    if (!missing) await execute(this.dataSource, START_FULL_REFRESH_SQL.state, [this.floor]);
    return missing;
  }

  /** The full refresh (startFullOverlapRefresh), then drained in batches with progress. */
  async refreshAll(progress?: DrainProgress, batch = OVERLAP_DRAIN_BATCH): Promise<OverlapDrainResult> {
    await this.dataSource.transaction((em) => startFullOverlapRefresh(em, this.floor));
    return this.drain(progress, batch);
  }
}
