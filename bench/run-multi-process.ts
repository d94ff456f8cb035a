/**
 * Two API and two worker processes (the built ones, as deployed) on one PostgreSQL database and one Redis, under
 * load, with one API and one worker killed (SIGKILL) half-way. Checks what a deployment with replicas relies on:
 *
 * - scan runs asked for through both APIs at once, and a job scheduler's ticks, each run once; no alert raised twice;
 * - every notice goes out once (a loopback SMTP sink counts the mails by their X-Samla-Notice header);
 * - the changes feed, read during the load and then to its end, holds every record in its final state, once per change;
 * - writes either API acknowledged survive the kill, the killed worker's jobs are run by the other, the other API
 *   keeps answering.
 *
 * A database of its own (samla_mp_bench, migrated, the Trollhättan demo data) and queues under a prefix of its own, so
 * nothing else on the machine is disturbed. Prints the checks with their counts, each API's throughput and latency,
 * and each process's memory. Exits 1 if a check fails.
 *
 *   npm run bench:multi-process    (BENCH_MP_DATABASE, default samla_mp_bench; BENCH_MP_PORT, default 3150 (uses
 *                                   3150–3154); BENCH_DURATION, default 30 s of load; BENCH_WRITERS, default 4 per API;
 *                                   BENCH_KILL_DURING, run (default) or send)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { validateEnvironmentOrExit } from '#common';
import { dataSourceOptions } from '#database';
import { seedDemo } from '#demo';
import { JOB_SCHEDULES } from '#jobs';
import { QUEUES, runIdOf } from '#queue';
import { ENTITIES } from '#schema';
import { benchDatabaseUrl, benchToken, recreateDatabase, runBenchmark, startApi } from './bench-database.js';

const DATABASE = process.env.BENCH_MP_DATABASE ?? 'samla_mp_bench';
const BASE_PORT = Number(process.env.BENCH_MP_PORT ?? 3150);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 30);
const WRITERS_PER_API = Number(process.env.BENCH_WRITERS ?? 4);
/**
 * When worker B is killed: `run`, as soon as one of its runs is running (mostly while it scans), or `send`, once it has
 * claimed notices from the outbox and is sending them (the SMTP sink then takes 500 ms a mail).
 */
const KILL_DURING = process.env.BENCH_KILL_DURING === 'send' ? 'send' : 'run';
const SMTP_DELAY_MS = KILL_DURING === 'send' ? 500 : 0;
const QUEUE_PREFIX = `samla-mp-${process.pid}`;
/** The day the demo data describes; the scans asked for through the APIs judge it as of this day and later ones. */
const DEMO_TODAY = '2026-11-23';
/** The day of the runs queued while worker B alone takes jobs: a later day, so the ladder climbs and mails go out. */
const CHAOS_DAY = '2027-03-01';
const LEADERSHIP = 'ledningsgruppen@trollhattan.se';
/** Short job locks, so a dead worker's job is taken again within seconds (lock + two stalled checks), not a minute. */
const LOCK_MS = 5_000;
const STALLED_MS = 2_000;
/** The bench's own scheduler ticks this often, standing in for the daily 06:00 scan. */
const TICK_MS = 4_000;
const REQUEST_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 180_000;
const SETTLE_TIMEOUT_MS = 90_000;

type ApiName = 'A' | 'B';
type Child = { name: string; child: ChildProcess; output: () => string; rssIdle: number; rssMax: number };

/** A killed child, a stopped one included, never outlives the runner, whatever way it exits. */
const children: Child[] = [];
process.on('exit', () => {
  for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  everyMs = 200,
): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(everyMs)) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    const dead = children.find((c) => c.child.exitCode !== null);
    if (dead) throw new Error(`${dead.name} exited while waiting for ${what}:\n${dead.output()}`);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

function startWorker(name: string, databaseUrl: string, healthPort: number): Child {
  let output = '';
  const child = spawn(process.execPath, [new URL('../apps/worker/src/main.js', import.meta.url).pathname], {
    env: { ...process.env, DATABASE_URL: databaseUrl, WORKER_HEALTH_PORT: String(healthPort), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  return { name, child, output: () => output, rssIdle: 0, rssMax: 0 };
}

/** A loopback SMTP server that counts every mail by its notice key. */
async function startSmtpSink(port: number) {
  const received = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        // Long headers are folded onto several lines: unfolded first.
        const headers = Buffer.concat(chunks)
          .toString('utf8')
          .split('\r\n\r\n')[0]
          .replace(/\r\n[ \t]+/g, ' ');
        const key = /^X-Samla-Notice:[ \t]*(.*)$/im.exec(headers)?.[1]?.trim() ?? '';
        received.set(key, (received.get(key) ?? 0) + 1);
        // A slow relay, when asked for: the kill then lands while mails are on their way.
        setTimeout(callback, SMTP_DELAY_MS);
      });
    },
  });
  // A killed worker's connection ends with a reset: the sink carries on (an unheld 'error' would end the runner).
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Requests, failures and latencies of one API, split at the kill. */
class ApiStats {
  readonly latencies: { before: number[]; after: number[] } = { before: [], after: [] };
  readonly errors = { before: 0, after: 0 };
  constructor(readonly name: ApiName) {}
}

type FeedItem = {
  kind: string;
  id: string;
  deleted: boolean;
  initiative: { version: number; updatedAt: string } | null;
  fundingLine: { version: number; updatedAt: string } | null;
};
/** What the runner reads of the answers it gets (a record written, a feed page, a run queued). */
type Answer = {
  id: string;
  version: number;
  title: string;
  amountSek: number;
  items: FeedItem[];
  nextCursor: string;
  hasMore: boolean;
};

type Recorded = { kind: 'initiative' | 'funding_line'; id: string; version: number; value: string };

async function main() {
  const config = validateEnvironmentOrExit('Multi-process benchmark');
  const databaseUrl = benchDatabaseUrl(DATABASE);
  const [portA, portB, healthA, healthB, smtpPort] = [0, 1, 2, 3, 4].map((i) => BASE_PORT + i);
  console.log(
    `Multi-process benchmark: ${DATABASE}, queue prefix ${QUEUE_PREFIX}, ${DURATION_S} s of load, ` +
      `${WRITERS_PER_API} writers per API, worker B killed during a ${KILL_DURING}; node ${process.version}, ${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );

  await recreateDatabase(DATABASE);
  const seeding = new DataSource(dataSourceOptions({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 2 }, ENTITIES));
  await seeding.initialize();
  await seeding.runMigrations({ transaction: 'each' });
  await seedDemo(seeding);
  await seeding.destroy();

  const db = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  const smtp = await startSmtpSink(smtpPort);
  try {
    Object.assign(process.env, {
      QUEUE_PREFIX,
      RATE_LIMIT_KEY_PREFIX: `${QUEUE_PREFIX}:rate-limit:`,
      AUTH_FAILURE_LIMIT_PER_MINUTE: '0',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      LEADERSHIP_EMAILS: LEADERSHIP,
      WORKER_LOCK_DURATION_MS: String(LOCK_MS),
      WORKER_STALLED_INTERVAL_MS: String(STALLED_MS),
    });
    // Both workers start together, as replicas do: the job schedulers must still be registered once.
    const apis: Record<ApiName, Child> = {
      A: { name: 'API A', ...startApi(databaseUrl, portA), rssIdle: 0, rssMax: 0 },
      B: { name: 'API B', ...startApi(databaseUrl, portB), rssIdle: 0, rssMax: 0 },
    };
    const workers = {
      A: startWorker('worker A', databaseUrl, healthA),
      B: startWorker('worker B', databaseUrl, healthB),
    };
    children.push(apis.A, apis.B, workers.A, workers.B);
    const base = { A: `http://127.0.0.1:${portA}`, B: `http://127.0.0.1:${portB}` };
    for (const url of [base.A, base.B, `http://127.0.0.1:${healthA}`, `http://127.0.0.1:${healthB}`]) {
      await waitFor(`${url}/health/ready`, READY_TIMEOUT_MS, async () =>
        (await fetch(`${url}/health/ready`)).ok ? true : undefined,
      );
    }
    for (const c of children) c.rssIdle = c.rssMax = rssMb(c.child.pid);

    const queues = Object.values(QUEUES).map(
      (name) =>
        new Queue(name, { connection: { url: config.REDIS_URL, maxRetriesPerRequest: 1 }, prefix: QUEUE_PREFIX }),
    );
    const scansQueue = queues.find((q) => q.name === QUEUES.portfolioScans)!;
    const schedulers = (await Promise.all(queues.map((q) => q.getJobSchedulers()))).flat();

    const token = await benchToken(config, 'admin');
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const stats = { A: new ApiStats('A'), B: new ApiStats('B') };
    const dead = new Set<ApiName>();
    let killedAt = 0;
    /** Sends through `api`, or through the other one once it is dead, as a load balancer would. */
    async function call(api: ApiName, method: string, path: string, body?: unknown, ifMatch?: number) {
      const via: ApiName = dead.has(api) ? (api === 'A' ? 'B' : 'A') : api;
      const phase = killedAt === 0 ? 'before' : 'after';
      const started = performance.now();
      try {
        const res = await fetch(`${base[via]}/api/v1${path}`, {
          method,
          headers: ifMatch === undefined ? headers : { ...headers, 'If-Match': `"${ifMatch}"` },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const json = (res.status === 204 ? null : await res.json()) as Answer;
        if (res.ok) stats[via].latencies[phase].push(performance.now() - started);
        else stats[via].errors[phase]++;
        return { status: res.status, body: json };
      } catch {
        // No answer: a request to B cut by the kill is the kill's doing, not a refusal; status 0 marks it in doubt.
        if (!(via === 'B' && killedAt > 0)) stats[via].errors[phase]++;
        return { status: 0, body: {} as Answer };
      }
    }

    const countAlerts = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts`)).rows[0].n;
    const alertsSeeded = await countAlerts();
    const departments = (await db.query<{ id: string }>(`SELECT id FROM departments ORDER BY code LIMIT 8`)).rows;
    const acknowledged = new Map<string, Recorded>();
    const inDoubt = new Set<string>();
    let createsInDoubt = 0;
    let refusedWrites = 0;

    async function writer(api: ApiName, w: number, until: number) {
      const mine: Recorded[] = [];
      for (let n = 0; Date.now() < until && n < 100_000; n++) {
        const pick = mine.length === 0 || n % 5 === 0 ? 'create' : n % 5 === 1 ? 'fund' : 'update';
        if (pick === 'create') {
          const code = `MP-${api}${w}-${n}`;
          const res = await call(api, 'POST', '/initiatives', {
            code,
            title: `Flerprocessinsats ${code}`,
            kind: 'project',
            leadDepartmentId: departments[(w + n) % departments.length].id,
          });
          if (res.status === 201) remember(mine, 'initiative', res.body, res.body.title);
          else if (res.status === 0) createsInDoubt++;
          else refusedWrites++;
          continue;
        }
        const target = mine[(n * 7919) % mine.length];
        if (pick === 'fund') {
          const initiativeId = target.kind === 'initiative' ? target.id : mine.find((r) => r.kind === 'initiative')!.id;
          const res = await call(api, 'POST', `/initiatives/${initiativeId}/funding`, {
            sourceType: 'state_grant',
            funder: 'Länsstyrelsen Västra Götaland',
            amountSek: 100_000 + n,
            periodStart: '2027-01-01',
            periodEnd: '2027-12-31',
          });
          if (res.status === 201) remember(mine, 'funding_line', res.body, String(res.body.amountSek));
          else if (res.status === 0) createsInDoubt++;
          else refusedWrites++;
          continue;
        }
        const key = `${target.kind}:${target.id}`;
        // After a write in doubt the version is unknown: the record is left alone (its state is checked as in doubt).
        if (inDoubt.has(key)) continue;
        const res =
          target.kind === 'initiative'
            ? await call(
                api,
                'PATCH',
                `/initiatives/${target.id}`,
                { title: `Ändrad ${n} ${target.id}` },
                target.version,
              )
            : await call(api, 'PATCH', `/funding/${target.id}`, { amountSek: 200_000 + n }, target.version);
        if (res.status === 200) {
          target.version = res.body.version;
          target.value = target.kind === 'initiative' ? res.body.title : String(res.body.amountSek);
          acknowledged.set(key, { ...target });
        } else if (res.status === 0) inDoubt.add(key);
        else refusedWrites++;
      }
    }
    function remember(mine: Recorded[], kind: Recorded['kind'], body: { id: string; version: number }, value: string) {
      const record: Recorded = { kind, id: body.id, version: body.version, value };
      mine.push(record);
      acknowledged.set(`${kind}:${record.id}`, { ...record });
    }

    /** The feed as a client reads it: page after page from its cursor, alternating between the APIs. */
    const delivered = new Map<string, { version: number; updatedAt: string; deleted: boolean }>();
    const deliveredTwice: string[] = [];
    let deliveries = 0;
    let cursor: string | undefined;
    async function readFeedPage(api: ApiName): Promise<boolean> {
      const query = `?limit=500${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await call(api, 'GET', `/integrations/budget/initiatives${query}`);
      if (res.status !== 200) return true;
      for (const item of res.body.items) {
        const state = item.initiative ?? item.fundingLine;
        const seen = { version: state?.version ?? -1, updatedAt: state?.updatedAt ?? '', deleted: item.deleted };
        const key = `${item.kind}:${item.id}`;
        const before = delivered.get(key);
        if (before && before.version === seen.version && before.updatedAt === seen.updatedAt) deliveredTwice.push(key);
        delivered.set(key, seen);
        deliveries++;
      }
      cursor = res.body.nextCursor;
      return res.body.hasMore;
    }
    async function feedReader(until: number) {
      for (let n = 0; Date.now() < until && n < 100_000; n++) {
        const more = await readFeedPage(n % 2 === 0 ? 'A' : 'B');
        if (!more) await sleep(250);
      }
    }
    async function listReader(api: ApiName, until: number) {
      for (let n = 0; Date.now() < until && n < 100_000; n++) {
        await call(api, 'GET', `/initiatives?limit=20&sort=-updatedAt`);
        await sleep(50);
      }
    }

    const requestedRuns: string[] = [];
    async function requestRun(api: ApiName, job: string, asOf: string) {
      const res = await call(api, 'POST', `/jobs/${job}/runs`, { asOf });
      if (res.status !== 202)
        throw new Error(`POST /jobs/${job}/runs via ${api}: ${res.status} ${JSON.stringify(res.body)}`);
      requestedRuns.push(res.body.id);
      return res.body.id;
    }

    // The load.
    const loadStarted = Date.now();
    const until = loadStarted + DURATION_S * 1000;
    let connectionsMax = 0;
    const sampler = setInterval(() => {
      for (const c of children) c.rssMax = Math.max(c.rssMax, rssMb(c.child.pid));
      void db
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [DATABASE])
        .then(
          ({ rows }) => (connectionsMax = Math.max(connectionsMax, rows[0].n)),
          () => undefined,
        );
    }, 1_000);
    const load = [
      ...(['A', 'B'] as const).flatMap((api) => [
        ...Array.from({ length: WRITERS_PER_API }, (_, w) => writer(api, w, until)),
        listReader(api, until),
      ]),
      feedReader(until),
    ];

    // Scans asked for through both APIs at the same moment, and the scheduler's ticks.
    await sleep(1_000);
    const [pairA, pairB] = await Promise.all([
      requestRun('A', 'scan-portfolio', DEMO_TODAY),
      requestRun('B', 'scan-portfolio', DEMO_TODAY),
      requestRun('A', 'scan-overlaps', DEMO_TODAY),
      requestRun('B', 'scan-overlaps', DEMO_TODAY),
    ]);
    await scansQueue.upsertJobScheduler(
      'bench-portfolio-scan',
      { every: TICK_MS },
      { name: 'scan-portfolio', data: {} },
    );

    // Half-way: worker A is stopped, so worker B alone takes the next runs; once one runs, API B and worker B are
    // killed and worker A resumes. The runs worker B held must be taken again by worker A once their locks lapse.
    await sleep(Math.max(0, loadStarted + (DURATION_S * 1000) / 2 - Date.now()));
    workers.A.child.kill('SIGSTOP');
    let heldByKilled: string[] = [];
    try {
      await Promise.all([
        requestRun('A', 'scan-portfolio', CHAOS_DAY),
        requestRun('B', 'scan-portfolio', CHAOS_DAY),
        requestRun('B', 'funding_gap', CHAOS_DAY),
      ]);
      heldByKilled = await waitFor(
        KILL_DURING === 'run' ? 'a run on worker B' : 'worker B sending mail',
        15_000,
        async () => {
          const { rows } = await db.query<{ id: string; sending: boolean }>(
            `SELECT id, EXISTS (SELECT 1 FROM notifications WHERE status = 'sending') AS sending
               FROM job_runs WHERE status = 'running'`,
          );
          const ready = rows.length > 0 && (KILL_DURING === 'run' || rows[0].sending);
          return ready ? rows.map((r) => r.id) : undefined;
        },
        5,
      );
      killedAt = Date.now();
      dead.add('B');
      apis.B.child.kill('SIGKILL');
      workers.B.child.kill('SIGKILL');
    } finally {
      workers.A.child.kill('SIGCONT');
    }
    await Promise.all(load);
    clearInterval(sampler);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    await scansQueue.removeJobScheduler('bench-portfolio-scan');

    // Settle: every run ends (the killed worker's after its lock lapses), then the feed is read to its end.
    const runs = await waitFor('every job run to end', SETTLE_TIMEOUT_MS, async () => {
      const { rows } = await db.query<{
        id: string;
        job_name: string;
        status: string;
        attempts: number;
        requested_by: string | null;
        counts: Record<string, number> | null;
      }>(`SELECT id, job_name, status, attempts, requested_by, counts FROM job_runs`);
      return rows.every((r) => r.status === 'completed' || r.status === 'failed') ? rows : undefined;
    });
    const tickJobs = (
      await scansQueue.getJobs(['completed', 'failed', 'active', 'wait', 'delayed', 'prioritized'], 0, 1_000)
    ).filter((job) => job?.id?.startsWith('repeat:bench-portfolio-scan:'));
    const tickRunIds = new Set(tickJobs.map((job) => runIdOf(job.id!)));

    const finalRows = async () =>
      (
        await db.query<{ key: string; version: number; updated_at: Date; value: string }>(
          `SELECT 'initiative:' || id AS key, version, updated_at, title AS value FROM initiatives
           UNION ALL SELECT 'funding_line:' || id, version, updated_at, amount_sek::text FROM funding_lines`,
        )
      ).rows;
    const feedAgrees = (rows: Awaited<ReturnType<typeof finalRows>>) =>
      rows.every((r) => {
        const seen = delivered.get(r.key);
        return seen && seen.version === r.version && Date.parse(seen.updatedAt) === r.updated_at.getTime();
      });
    let rows = await finalRows();
    for (let n = 0; n < 200 && ((await readFeedPage('A')) || !feedAgrees(rows)); n++) {
      rows = await finalRows();
      if (n > 20) await sleep(100);
    }

    // The checks.
    const byKey = new Map(rows.map((r) => [r.key, r]));
    let lostWrites = 0;
    let inDoubtLanded = 0;
    for (const [key, ack] of acknowledged) {
      const row = byKey.get(key);
      if (inDoubt.has(key)) {
        if (!row || row.version < ack.version) lostWrites++;
        else if (row.version > ack.version) inDoubtLanded++;
      } else if (!row || row.version !== ack.version || row.value !== ack.value) lostWrites++;
    }
    const feedMissing = rows.filter((r) => !delivered.has(r.key)).length;
    const feedStale = rows.filter((r) => {
      const seen = delivered.get(r.key);
      return seen && (seen.version !== r.version || Date.parse(seen.updatedAt) !== r.updated_at.getTime());
    }).length;
    const feedUnknown = [...delivered.keys()].filter((key) => !byKey.has(key) && !delivered.get(key)!.deleted).length;

    const alertDuplicates = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM alerts WHERE status IN ('open', 'acknowledged') GROUP BY dedupe_key HAVING count(*) > 1) d`,
      )
    ).rows[0].n;
    const alertRows = (await countAlerts()) - alertsSeeded;
    const raisedByRuns = runs.reduce((sum, r) => sum + (r.counts?.raised ?? 0), 0);
    const toldTwice = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM alert_notices GROUP BY alert_id, recipient, severity HAVING count(*) > 1) d`,
      )
    ).rows[0].n;
    const notices = (
      await db.query<{ status: string; key: string }>(`SELECT status, notice_key AS key FROM notifications`)
    ).rows;
    const sent = notices.filter((n) => n.status === 'sent');
    const sending = notices.filter((n) => n.status === 'sending');
    const mailsReceived = [...smtp.received.values()].reduce((a, b) => a + b, 0);
    const mailsTwice = [...smtp.received.values()].filter((count) => count > 1).length;
    const sentNotReceived = sent.filter((n) => !smtp.received.has(n.key)).length;
    const receivedUnknown = [...smtp.received.keys()].filter((key) => !notices.some((n) => n.key === key)).length;
    const runsById = new Map(runs.map((r) => [r.id, r]));
    const runsRetried = runs.filter((r) => r.attempts > 1);
    const heldRetriedOk = heldByKilled.filter((id) => runsById.get(id)?.status === 'completed').length;
    const failedRuns = runs.filter((r) => r.status === 'failed').length;
    const ticksTwice = [...tickRunIds].filter(
      (id) => (runsById.get(id)?.attempts ?? 0) > 1 && !heldByKilled.includes(id),
    ).length;
    const tickRunsMissing = [...tickRunIds].filter((id) => !runsById.has(id)).length;
    const schedulerIds = schedulers.map((s) => s.key);

    const ok = (good: boolean) => (good ? 'ok' : 'FAILED');
    const checks: [string, string | number, string][] = [
      ['writes acknowledged (created + updated, both APIs)', [...acknowledged.values()].length, ''],
      ['  lost (acknowledged, not in the database in that state)', lostWrites, ok(lostWrites === 0)],
      ['  in doubt (cut by the kill or timed out; no answer)', inDoubt.size + createsInDoubt, ''],
      ['  of those on known records, committed all the same', inDoubtLanded, ''],
      ['  refused (4xx/5xx answers)', refusedWrites, ''],
      ['feed records delivered (pages read during the load and to the end)', deliveries, ''],
      ['  records in the database / in the feed', `${rows.length} / ${delivered.size}`, ''],
      ['  missing from the feed', feedMissing, ok(feedMissing === 0)],
      ['  in the feed at another state than the final one', feedStale, ok(feedStale === 0)],
      ['  delivered twice at the same state', deliveredTwice.length, ok(deliveredTwice.length === 0)],
      ['  in the feed, unknown to the database', feedUnknown, ok(feedUnknown === 0)],
      [
        'job schedulers after two workers started together',
        schedulerIds.length,
        // Every schedule the worker keeps (JOB_SCHEDULES), each registered once.
        ok(
          schedulerIds.length === JOB_SCHEDULES.length &&
            JOB_SCHEDULES.every((schedule) => schedulerIds.includes(schedule.id)),
        ),
      ],
      ['job runs (asked for through the APIs / scheduler ticks)', `${requestedRuns.length} / ${tickRunIds.size}`, ''],
      ['  runs of all kinds, ended', runs.length, ''],
      ['  failed', failedRuns, ok(failedRuns === 0)],
      [
        '  scheduler ticks without a run / run twice',
        `${tickRunsMissing} / ${ticksTwice}`,
        ok(tickRunsMissing + ticksTwice === 0),
      ],
      [
        '  running on worker B at the kill / completed by worker A',
        `${heldByKilled.length} / ${heldRetriedOk}`,
        ok(heldRetriedOk === heldByKilled.length && heldByKilled.length > 0),
      ],
      [
        '  runs with more than one attempt',
        runsRetried.length,
        ok(runsRetried.every((r) => heldByKilled.includes(r.id))),
      ],
      [
        'alerts raised by the two scans asked for at once through A and B',
        `${runsById.get(pairA)?.counts?.raised} + ${runsById.get(pairB)?.counts?.raised}`,
        '',
      ],
      // A killed attempt's committed alerts are counted by no run, and the runs' days differ (alerts resolve and rise again).
      ['alerts raised, counted by the runs / alert rows', `${raisedByRuns} / ${alertRows}`, ''],
      ['  raised twice (same key, both unresolved)', alertDuplicates, ok(alertDuplicates === 0)],
      ['  told to the same person twice at one severity', toldTwice, ok(toldTwice === 0)],
      [
        'notices in the outbox / sent / received by the SMTP sink',
        `${notices.length} / ${sent.length} / ${mailsReceived}`,
        '',
      ],
      ['  received twice', mailsTwice, ok(mailsTwice === 0)],
      ['  sent but never received', sentNotReceived, ok(sentNotReceived === 0)],
      ['  received, not in the outbox', receivedUnknown, ok(receivedUnknown === 0)],
      [
        '  left `sending` by the killed worker (not sent again: at most once)',
        `${sending.length} (${sending.filter((n) => smtp.received.has(n.key)).length} of them received)`,
        '',
      ],
      [
        '  pending or failed at the end',
        notices.length - sent.length - sending.length,
        ok(notices.length - sent.length - sending.length === 0),
      ],
      ['API A answers refused after the kill', stats.A.errors.after, ok(stats.A.errors.after === 0)],
    ];
    console.log(
      `\nLoad: ${loadSeconds.toFixed(1)} s; killed API B and worker B at ${((killedAt - loadStarted) / 1000).toFixed(1)} s; load average after ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    console.log('| check | count | |\n| --- | ---: | --- |');
    for (const [what, count, verdict] of checks) console.log(`| ${what} | ${count} | ${verdict} |`);

    const percentile = (sorted: number[], p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
    const killS = (killedAt - loadStarted) / 1000;
    console.log(
      '\n| API | phase | answered | refused | req/s | p50 ms | p95 ms | p99 ms |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const s of [stats.A, stats.B]) {
      for (const phase of ['before', 'after'] as const) {
        const sorted = [...s.latencies[phase]].sort((a, b) => a - b);
        if (sorted.length === 0 && s.errors[phase] === 0) continue;
        const seconds = phase === 'before' ? killS : loadSeconds - killS;
        console.log(
          `| ${s.name} | ${phase} the kill | ${sorted.length} | ${s.errors[phase]} | ${(sorted.length / seconds).toFixed(0)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`,
        );
      }
    }

    const redisMemory = /used_memory:(\d+)/.exec(await redis.info('memory'))?.[1];
    const maxConnections = (await db.query<{ max_connections: string }>(`SHOW max_connections`)).rows[0]
      .max_connections;
    console.log('\n| process | RSS idle MB | RSS max under load MB |\n| --- | ---: | ---: |');
    for (const c of children) console.log(`| ${c.name} | ${c.rssIdle.toFixed(0)} | ${c.rssMax.toFixed(0)} |`);
    console.log(
      `\nPostgreSQL connections to ${DATABASE} at most: ${connectionsMax} (DATABASE_POOL_SIZE ${config.DATABASE_POOL_SIZE} × 4 processes + the runner's 3; max_connections ${maxConnections}); ` +
        `Redis used_memory ${(Number(redisMemory) / 1024 / 1024).toFixed(1)} MB (the whole server)`,
    );

    await Promise.all(queues.map((q) => q.close()));
    if (checks.some(([, , verdict]) => verdict === 'FAILED')) throw new Error('A check failed (see FAILED above)');
  } finally {
    for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await smtp.close();
    await removeQueueKeys(redis);
    redis.disconnect();
    await db.end();
  }
}

/** The run's queues and counters are its own: removed at the end, in bounded SCAN rounds. */
async function removeQueueKeys(redis: Redis) {
  let cursor = '0';
  for (let round = 0; round < 10_000; round++) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
    if (cursor === '0') return;
  }
}

runBenchmark(main);
