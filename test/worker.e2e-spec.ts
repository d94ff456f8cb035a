import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '#database/testing';
import { WEBHOOK_FAN_OUT } from '#integration';
import { DRAIN_OVERLAPS, FOLD_PORTFOLIO_ROLLUPS, SCAN_OVERLAPS, SCAN_PORTFOLIO, WEEKLY_DIGEST } from '#jobs';
import { QUEUES, runIdOf } from '#queue';
import { killChildren, newQueuePrefix, REDIS_URL, spawnWorker, until } from './support/worker-process.js';

/** Worker processes started from dist/ as in production, on this file's database. */
describe('worker', () => {
  let database: TestDatabase;
  let sql: Client;
  const queues: Queue[] = [];
  const queue = (prefix: string, name: string) => {
    const q = new Queue(name, { connection: { url: REDIS_URL }, prefix });
    queues.push(q);
    return q;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });

  afterEach(async () => {
    await killChildren();
    await Promise.all(queues.splice(0).map((q) => q.close()));
  });

  afterAll(async () => {
    await sql.end();
    await database.drop();
  });

  it('should register one daily scan and one weekly digest in Stockholm time, written by one of two workers starting together', async () => {
    const prefix = newQueuePrefix();

    const workers = await Promise.all(
      [1, 2].map(() => spawnWorker({ DATABASE_URL: database.url, QUEUE_PREFIX: prefix })),
    );
    await Promise.all(workers.map((worker) => worker.whenReady()));

    const scanSchedulers = await queue(prefix, QUEUES.portfolioScans).getJobSchedulers();
    expect(scanSchedulers).toHaveLength(4);
    expect(scanSchedulers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'daily-portfolio-scan',
          name: SCAN_PORTFOLIO,
          pattern: '0 6 * * *',
          tz: 'Europe/Stockholm',
        }),
        expect.objectContaining({
          key: 'weekly-overlap-scan',
          name: SCAN_OVERLAPS,
          pattern: '30 6 * * 1',
          tz: 'Europe/Stockholm',
        }),
        // The overlap outbox's drain, at the configured interval.
        expect.objectContaining({ key: 'overlap-drain', name: DRAIN_OVERLAPS, every: 10_000 }),
        // The summary's roll-ups folded every minute.
        expect.objectContaining({ key: 'portfolio-rollups-fold', name: FOLD_PORTFOLIO_ROLLUPS, pattern: '* * * * *' }),
      ]),
    );
    expect(await queue(prefix, QUEUES.notifications).getJobSchedulers()).toEqual([
      expect.objectContaining({
        key: 'weekly-digest',
        name: WEEKLY_DIGEST,
        pattern: '0 7 * * 1',
        tz: 'Europe/Stockholm',
      }),
    ]);
    // The webhook fan-out is in the same list, at the configured interval.
    expect(await queue(prefix, QUEUES.webhooks).getJobSchedulers()).toEqual([
      expect.objectContaining({ key: 'webhook-fan-out', name: WEBHOOK_FAN_OUT, every: 5_000 }),
    ]);
    const logs = workers.map((worker) => worker.log());
    expect(
      logs.filter((log) =>
        log.includes('Job schedulers registered: daily-portfolio-scan (0 6 * * *, Europe/Stockholm), weekly-digest'),
      ),
    ).toHaveLength(1);
    expect(
      logs.filter((log) =>
        /Another worker is registering the job schedulers|Job schedulers already registered/.test(log),
      ),
    ).toHaveLength(1);
  });

  it('should leave the schedulers alone while another worker is registering them', async () => {
    const prefix = newQueuePrefix();
    const lock = `samla-job-schedulers:${prefix}`;
    await sql.query(`SELECT pg_advisory_lock(hashtext($1))`, [lock]);
    try {
      const worker = await (await spawnWorker({ DATABASE_URL: database.url, QUEUE_PREFIX: prefix })).whenReady();

      expect(await queue(prefix, QUEUES.portfolioScans).getJobSchedulers()).toEqual([]);
      expect(worker.log()).toContain('Another worker is registering the job schedulers');
    } finally {
      await sql.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lock]);
    }
  });

  it('should open a run as of today, asked for by nobody, for a job the scheduler adds', async () => {
    const prefix = newQueuePrefix();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());
    await (await spawnWorker({ DATABASE_URL: database.url, QUEUE_PREFIX: prefix })).whenReady();

    // As the scheduler adds them: no run id, no date.
    const job = await queue(prefix, QUEUES.portfolioScans).add(
      SCAN_PORTFOLIO,
      {},
      { jobId: `scheduled-${randomUUID()}` },
    );
    const run = await until('the run to complete', async () => {
      const { rows } = await sql.query(
        `SELECT job_name, to_char(as_of, 'YYYY-MM-DD') AS as_of, status, requested_by, counts, attempts FROM job_runs WHERE id = $1`,
        [runIdOf(job.id!)],
      );
      return rows[0]?.status === 'completed' ? rows[0] : undefined;
    });

    expect(run).toEqual({
      job_name: SCAN_PORTFOLIO,
      as_of: today,
      status: 'completed',
      requested_by: null,
      counts: expect.objectContaining({ raised: 0, escalated: 0, resolved: 0 }),
      attempts: 1,
    });
  });
});
