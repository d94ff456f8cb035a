import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { execute, queryOne, type AppConfig, type SqlRunner } from '#common';
import { buildRefreshStatements, REFRESH_LOCK_SQL, REFRESH_WORK_MEM_SQL } from './overlaps.sql.js';

export interface OverlapRefreshResult {
  /** false when another refresh held the lock: the caller reads what is stored. */
  refreshed: boolean;
  dirty: number;
  gone: number;
}

/**
 * The refresh's statements in order, through `runner` inside the caller's transaction (the service's and the bench's
 * floor send exactly these): lock or skip, the current facts, then only if something changed forget, remember and
 * rescore (buildRefreshStatements).
 */
export async function refreshOverlapPairs(runner: SqlRunner, floor: number): Promise<OverlapRefreshResult> {
  const statements = buildRefreshStatements(floor);
  const { locked } = await queryOne(runner, REFRESH_LOCK_SQL);
  if (!locked) return { refreshed: false, dirty: 0, gone: 0 };
  await execute(runner, REFRESH_WORK_MEM_SQL);
  for (const prepare of statements.prepare) await execute(runner, prepare);
  const { dirty, gone } = await queryOne(runner, statements.counts);
  if (dirty + gone > 0) {
    for (const forget of statements.forget) await execute(runner, forget);
    if (dirty > 0) {
      await execute(runner, statements.remember);
      await execute(runner, statements.rescore);
    }
  }
  return { refreshed: true, dirty, gone };
}

/**
 * Brings overlap_pairs up to date with the open initiatives, incrementally: only the pairs of initiatives whose facts
 * fingerprint changed, that are new, or that closed are recomputed. With nothing changed it costs the fingerprints of
 * the open initiatives and nothing else.
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

  refresh(): Promise<OverlapRefreshResult> {
    return this.dataSource.transaction((em) => refreshOverlapPairs(em, this.floor));
  }
}
