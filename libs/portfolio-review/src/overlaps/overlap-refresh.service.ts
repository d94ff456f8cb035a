import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#common';
import { buildRefreshStatements } from './overlaps.sql.js';

// Distinct from the verdicts' (4712) and the scans' lock classes: one refresh at a time.
const REFRESH_LOCK_CLASS = 4713;
// A full refresh hashes millions of candidate pairs; the default 4 MB would spill them to disk.
const REFRESH_WORK_MEM = '256MB';

export interface OverlapRefreshResult {
  /** false when another refresh held the lock: the caller reads what is stored. */
  refreshed: boolean;
  dirty: number;
  gone: number;
}

/**
 * The refresh's statements in order, through `query` inside the caller's transaction (the service's and the bench's
 * floor send exactly these): lock or skip, the current facts, then only if something changed forget, remember and
 * rescore (buildRefreshStatements).
 */
export async function refreshOverlapPairs(query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>, floor: number): Promise<OverlapRefreshResult> {
  const statements = buildRefreshStatements(floor);
  const [{ locked }] = await query('SELECT pg_try_advisory_xact_lock($1, 0) AS locked', [REFRESH_LOCK_CLASS]);
  if (!locked) return { refreshed: false, dirty: 0, gone: 0 };
  await query(`SET LOCAL work_mem = '${REFRESH_WORK_MEM}'`);
  for (const sql of statements.prepare) await query(sql);
  const [counts] = await query(statements.counts);
  const [dirty, gone] = [Number(counts.dirty), Number(counts.gone)];
  if (dirty + gone > 0) {
    for (const sql of statements.forget) await query(sql);
    if (dirty > 0) {
      await query(statements.remember);
      await query(statements.rescore);
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
    return this.dataSource.transaction((em) => refreshOverlapPairs((sql, params) => em.query(sql, params), this.floor));
  }
}
