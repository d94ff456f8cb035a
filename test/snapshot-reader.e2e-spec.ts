import type { QueryRunner } from 'typeorm';
import { sameSnapshotReader } from '#common';
import { createTestApp, type TestApp } from './support/test-app.js';

/** sameSnapshotReader: a second connection in a REPEATABLE READ transaction's snapshot (the summary's two statements). */
describe('sameSnapshotReader', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.query(`CREATE TABLE snapshot_probe (n int)`);
  });
  afterAll(() => t.close());

  const inTransaction = async (work: (tx: QueryRunner) => Promise<void>) => {
    const tx = t.dataSource.createQueryRunner();
    await tx.connect();
    await tx.startTransaction('REPEATABLE READ');
    try {
      await tx.query(`SELECT count(*) FROM snapshot_probe`); // fixes the transaction's snapshot
      await work(tx);
    } finally {
      await tx.rollbackTransaction();
      await tx.release();
    }
  };
  const count = async (runner: { query(sql: string): Promise<unknown> }) =>
    ((await runner.query(`SELECT count(*)::int AS n FROM snapshot_probe`)) as { n: number }[])[0].n;

  it('should read what the transaction reads, not a row committed since', async () => {
    await t.dataSource.query(`INSERT INTO snapshot_probe VALUES (1)`);
    await inTransaction(async (tx) => {
      await t.dataSource.query(`INSERT INTO snapshot_probe VALUES (2)`);

      const reader = await sameSnapshotReader(t.dataSource, tx.manager);

      expect(reader).toBeDefined();
      try {
        expect(await count(reader!.runner)).toBe(1);
        expect(await count(tx)).toBe(1);
        expect(await count(t.dataSource)).toBe(2);
      } finally {
        await reader!.release();
      }
    });
    // Released outside any transaction: no session of this database is left idle in one.
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(n).toBe(0);
  });

  it('should give no reader while every connection of the pool is taken, rather than wait for one', async () => {
    const max = (t.dataSource.driver as unknown as { master: { options: { max: number } } }).master.options.max;
    const held = await Promise.all(
      Array.from({ length: max - 1 }, async () => {
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        return runner;
      }),
    );
    try {
      await inTransaction(async (tx) => {
        expect(await sameSnapshotReader(t.dataSource, tx.manager)).toBeUndefined();
      });
    } finally {
      await Promise.all(held.map((runner) => runner.release()));
    }
  });
});
