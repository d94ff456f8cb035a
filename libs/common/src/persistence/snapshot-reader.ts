import type { DataSource, EntityManager } from 'typeorm';
import { execute, queryOne, type BoundStatement, type SqlRunner } from './statement.js';
import { BEGIN_READ_ONLY_SQL, EXPORT_SNAPSHOT_SQL, ROLLBACK_SQL, setSnapshotSql } from './snapshot-reader.sql.js';

/** The parts of pg's pool the choice below reads. */
type PgPool = { idleCount: number; totalCount: number; waitingCount: number; options: { max: number } };

export type SnapshotReader = { runner: SqlRunner; release(): Promise<void> };

/**
 * A second connection that reads exactly what `em`'s REPEATABLE READ transaction reads (its snapshot exported and
 * imported), so a read made of two statements can run them at once, on two cores, and still answer from one
 * snapshot. Only when the pool has a connection idle or room for a new one, claimed before anything is awaited:
 * waiting for a connection while holding `em`'s could leave a full pool's readers all waiting for one another.
 * Undefined otherwise: the caller sends both statements on `em`, one after the other. `em` must stay open until the
 * reader is released.
 */
export async function sameSnapshotReader(
  dataSource: DataSource,
  em: EntityManager,
): Promise<SnapshotReader | undefined> {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  const free = pool.waitingCount === 0 && (pool.idleCount > 0 || pool.totalCount < pool.options.max);
  if (!free) return undefined;
  const runner = dataSource.createQueryRunner();
  // connect() asks the pool synchronously, so the free connection seen above is this reader's.
  const connected = runner.connect();
  // Back to the pool outside any transaction (a ROLLBACK outside one only warns).
  const release = async () => {
    try {
      await execute(runner, ROLLBACK_SQL);
    } finally {
      await runner.release();
    }
  };
  try {
    const [{ id }] = await Promise.all([queryOne(em, EXPORT_SNAPSHOT_SQL), connected]);
    await execute(runner, BEGIN_READ_ONLY_SQL);
    await execute(runner, setSnapshotSql(id));
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
  return { runner, release };
}

/**
 * Two statements of one read in `em`'s snapshot, each answering one row: at once on a second connection when the pool
 * has one free (sameSnapshotReader), one after the other on `em` otherwise.
 */
export async function queryTwoInSnapshot<A, B>(
  dataSource: DataSource,
  em: EntityManager,
  first: BoundStatement<A>,
  second: BoundStatement<B>,
): Promise<[A, B]> {
  const beside = await sameSnapshotReader(dataSource, em);
  try {
    return await Promise.all([queryOne(em, first), queryOne(beside?.runner ?? em, second)]);
  } finally {
    await beside?.release();
  }
}
