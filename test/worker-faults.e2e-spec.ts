import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { DataSource, type QueryRunner } from 'typeorm';
import { dataSourceOptions } from '#database';
import { ENTITIES } from '#schema';
import { createTestDatabase, type TestDatabase } from '#database/testing';
import { QUEUES } from '#queue';
import { givenDepartment, givenFundingLine, givenInitiative } from './support/factories.js';
import {
  killChildren,
  newQueuePrefix,
  PrivateRedis,
  REDIS_URL,
  spawnWorker,
  until,
  type WorkerProcess,
} from './support/worker-process.js';

const AS_OF = '2025-05-01';
// Short lock and stalled check, so a job whose worker died is taken again within seconds, not a minute.
const FAST_RECOVERY = { WORKER_LOCK_DURATION_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' };

type RunRow = { status: string; attempts: number; counts: Record<string, number> | null; error: string | null };

/** Real worker processes killed, stopped and cut off from Redis while a scan runs, on this file's database. */
describe('worker faults', () => {
  let database: TestDatabase;
  let ds: DataSource;
  let held: QueryRunner | undefined;
  const queues: Queue[] = [];
  const queue = (prefix: string, url = REDIS_URL) => {
    const q = new Queue(QUEUES.portfolioScans, { connection: { url }, prefix });
    queues.push(q);
    return q;
  };
  const startWorker = (prefix: string, env: Record<string, string> = {}) =>
    spawnWorker({ DATABASE_URL: database.url, QUEUE_PREFIX: prefix, ...FAST_RECOVERY, ...env }).then((worker) =>
      worker.whenReady(),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    ds = await new DataSource(
      dataSourceOptions({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: 3 }, ENTITIES),
    ).initialize();
    const department = await givenDepartment(ds);
    // As of AS_OF: one grant within each step of the ladder (365 / 182 / 91 days).
    for (const periodEnd of ['2026-04-01', '2025-10-01', '2025-06-30']) {
      const initiative = await givenInitiative(ds, { status: 'active', leadDepartmentId: department.id });
      await givenFundingLine(ds, initiative.id, { periodStart: '2024-01-01', periodEnd });
    }
  });

  beforeEach(() => ds.query('TRUNCATE alerts CASCADE'));

  afterEach(async () => {
    await releaseScans();
    await killChildren();
    await Promise.all(queues.splice(0).map((q) => q.close()));
  });

  afterAll(async () => {
    await ds.destroy();
    await database.drop();
  });

  /** Takes the advisory lock the grant scan takes in its transaction, so a scan started now waits mid-way. */
  async function holdScans() {
    held = ds.createQueryRunner();
    await held.connect();
    await held.startTransaction();
    await held.query(`SELECT pg_advisory_xact_lock(4711, hashtext('grant_expiring'))`);
  }

  async function releaseScans() {
    await held?.rollbackTransaction();
    await held?.release();
    held = undefined;
  }

  /** A grant scan queued as the API queues one: with its run id as job id and a fixed date. */
  async function addGrantScan(q: Queue) {
    const runId = randomUUID();
    await q.add('grant_expiring', { runId, asOf: AS_OF }, { jobId: runId });
    return runId;
  }

  const runOf = async (runId: string): Promise<RunRow | undefined> =>
    (await ds.query(`SELECT status, attempts, counts, error FROM job_runs WHERE id = $1`, [runId]))[0];

  const finished = (runId: string, timeoutMs?: number) =>
    until(
      `run ${runId} to finish`,
      async () => {
        const run = await runOf(runId);
        return run && ['completed', 'failed'].includes(run.status) ? run : undefined;
      },
      timeoutMs,
    );

  /** Running, and provably inside the scan: its transaction waits for the lock the test holds. */
  async function whenStuckInScan(worker: WorkerProcess, runId: string) {
    await until('the scan to wait on the held lock', async () => {
      if (!worker.alive) throw worker.failure('the worker exited');
      const [waiting] = await ds.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return (await runOf(runId))?.status === 'running' && waiting.n === 1 ? true : undefined;
    });
  }

  const alerts = (): Promise<Record<string, unknown>[]> =>
    ds.query(
      `SELECT kind, severity, status, dedupe_key, funding_id, title, detail, due_date, amount_sek, last_seen_on FROM alerts ORDER BY dedupe_key, status`,
    );

  // Two worker processes start one after the other (each 10-15 s under load), then two scans run: over Jest's 30 s.
  it('should finish a scan correctly on a restarted worker after the one running it was killed with SIGKILL', async () => {
    const prefix = newQueuePrefix();
    const first = await startWorker(prefix);
    await holdScans();
    const runId = await addGrantScan(queue(prefix));
    await whenStuckInScan(first, runId);

    first.signal('SIGKILL');
    await first.exited;
    await releaseScans();
    const restarted = await startWorker(prefix);
    const run = await finished(runId).catch((error) => {
      throw restarted.failure(error.message);
    });

    expect(run).toEqual(expect.objectContaining({ status: 'completed', attempts: 2, error: null }));
    expect(run.counts).toEqual(expect.objectContaining({ raised: 3, escalated: 0, resolved: 0 }));
    const afterKill = await alerts();
    expect(afterKill.map((a) => a.severity).sort()).toEqual(['critical', 'info', 'warning']);
    // The same scan, run cleanly from no alerts, leaves the same alerts.
    await ds.query('TRUNCATE alerts CASCADE');
    const clean = await finished(await addGrantScan(queue(prefix)));
    expect(clean).toEqual(expect.objectContaining({ status: 'completed', attempts: 1, counts: run.counts }));
    expect(await alerts()).toEqual(afterKill);
  }, 90_000);

  it('should exit within SHUTDOWN_TIMEOUT_MS on SIGTERM with a scan still running, and the scan runs again later', async () => {
    const prefix = newQueuePrefix();
    const shutdownTimeoutMs = 1000;
    const stopping = await startWorker(prefix, { SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) });
    await holdScans();
    const runId = await addGrantScan(queue(prefix));
    await whenStuckInScan(stopping, runId);

    const signalled = Date.now();
    stopping.signal('SIGTERM');
    await stopping.exited;
    const tookMs = Date.now() - signalled;
    await releaseScans();

    // Slack for closing connections and a loaded machine; the job alone would hold it until the lock is let go.
    if (tookMs >= shutdownTimeoutMs + 2000) throw stopping.failure(`took ${tookMs} ms to exit`);
    expect(stopping.log()).toContain(`Jobs still running after ${shutdownTimeoutMs} ms`);
    const restarted = await startWorker(prefix);
    const run = await finished(runId).catch((error) => {
      throw restarted.failure(error.message);
    });
    expect(run).toEqual(expect.objectContaining({ status: 'completed', attempts: 2, error: null }));
    expect(run.counts).toEqual(expect.objectContaining({ raised: 3 }));
  });

  it('should stay up and say so while Redis is down, then reconnect and take jobs again', async () => {
    const redis = await PrivateRedis.start();
    const prefix = newQueuePrefix();
    let jobs: Queue | undefined;
    try {
      const worker = await startWorker(prefix, { REDIS_URL: redis.url });

      await redis.stop();
      const notReady = await until('/health/ready to answer 503', async () => {
        const ready = await worker.ready();
        return ready?.status === 503 ? ready : undefined;
      }).catch((error) => {
        throw worker.failure(error.message);
      });
      expect(notReady.type).toMatch(/^application\/problem\+json/);
      expect(notReady.body).toEqual(expect.objectContaining({ status: 503, detail: 'Not ready: redis is down.' }));
      expect(notReady.body.checks).toEqual({
        database: expect.objectContaining({ status: 'up' }),
        redis: expect.objectContaining({ status: 'down' }),
      });
      await new Promise((done) => setTimeout(done, 1000));
      expect(worker.alive).toBe(true);

      await redis.restart();
      await worker.whenReady();
      jobs = queue(prefix, redis.url);
      const run = await finished(await addGrantScan(jobs)).catch((error) => {
        throw worker.failure(error.message);
      });

      expect(run).toEqual(expect.objectContaining({ status: 'completed', attempts: 1 }));
      expect(worker.alive).toBe(true);
    } finally {
      // Closed while its Redis still answers: a BullMQ queue does not close against a Redis that is gone.
      await jobs?.close();
      await redis.stop();
    }
  });
});
