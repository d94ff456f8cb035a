/**
 * Times the portfolio review's reads (GET /api/v1/portfolio/summary and /portfolio/readiness) on the real API against
 * a floor: the statements the services send, built by the same exported SQL builders and run on one bare `pg`
 * connection with the API's session settings. The API is timed twice: reading an unchanged portfolio again (served
 * by the snapshot cache) and right after a write has committed (so it computes; the overlaps have no cache: both
 * sides read the stored pairs). N sequential requests per read and
 * filter after a warm-up, the three sides in turn; prints p50, p95 and mean and the ratios. Needs the portfolio from
 * generate-portfolio.ts.
 *
 *   npm run bench:portfolio-review    (BENCH_REQUESTS per read, filter and side, default 60, cut short after
 *                                     BENCH_SERIES_SECONDS, default 60, but never below 10; BENCH_WARMUP, default 5;
 *                                     BENCH_READS, e.g. summary,readiness, default all)
 *
 * The overlaps read never refreshes (the worker drains the overlap outbox); before the reads, the refresh is timed on
 * its own through the floor's connection: the full refresh job's work, a drain with nothing noted and one of 10
 * changed initiatives.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { ALERT_SEVERITIES } from '#alerts';
import {
  BEGIN_READ_ONLY_SQL,
  calendarDateIn,
  DEFAULT_PAGE_SIZE,
  execute,
  EXPORT_SNAPSHOT_SQL,
  FUNDING_SOURCE_TYPES,
  queryOne,
  ROLLBACK_SQL,
  setSnapshotSql,
  type BoundStatement,
  type Statement,
  validateEnvironmentOrExit,
} from '#common';
// Importing the data source options also installs the API's pg type parsers, so both sides read rows alike.
import { dataSourceOptions, SESSION_OPTIONS } from '#database';
import {
  DEFAULT_CLIFF_MONTHS,
  FUNDING_CLIFF_EARLIER_PAGE_SQL,
  FUNDING_CLIFF_MONTH_PAGE_SQL,
  FUNDING_CLIFF_SQL,
  FUNDING_CLIFF_EARLIER_TOTALS_SQL,
  FUNDING_CLIFF_WINDOW_TOTALS_SQL,
} from '#funding';
import type { InitiativeListFilters } from '#portfolio';
import {
  buildOverlapsSql,
  buildPortfolioReadinessSql,
  buildPortfolioSummarySql,
  buildReadinessAreasSql,
  buildSummaryCliffSql,
  drainOverlapOutbox,
  OVERLAP_DRAIN_BATCH,
  startFullOverlapRefresh,
} from '#portfolio-review';
import { BENCH_DATABASE, benchDatabaseUrl, benchToken, runBenchmark, startApi, TYPICAL } from './bench-database.js';
import { pgRows } from './pg-statements.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
// A slow read (seconds a request) would otherwise take an hour; ten pairs still give a median and a rough p95.
const SERIES_MS = Number(process.env.BENCH_SERIES_SECONDS ?? 60) * 1000;
const MIN_REQUESTS = 10;
const PORT = Number(process.env.BENCH_API_PORT ?? 3100);
const READY_TIMEOUT_MS = 60_000;
const AIM = { read: 'summary', filter: 'no filter', p50Ms: 50 };
/**
 * BENCH_READS=overlaps (comma-separated names) times only those reads; BENCH_OVERLAP_REFRESH=0 skips the overlap
 * refresh timings, =drains times the drains but not the full refresh (minutes).
 */
const ONLY = process.env.BENCH_READS?.split(',').map((name) => name.trim());
const TIME_REFRESH = process.env.BENCH_OVERLAP_REFRESH ?? 'all';

/** What a floor needs to build the service's statements: "today" and the time zone as the API's Clock sees them. */
type FloorContext = { client: pg.Client; beside: pg.Client; today: string; timeZone: string };
type Read = {
  name: string;
  /** The address; `{month}` stands for the cliff's busiest month (the most initiatives) in the default window. */
  path: string;
  /** The service's statements from its exported builders, sent as the service sends them; answers the response body. */
  floor(filters: InitiativeListFilters, ctx: FloorContext): Promise<unknown>;
  /** The read takes no initiative filters: timed once, unfiltered. */
  unfiltered?: true;
};
type Filter = { name: string; query: string; filters: InitiativeListFilters };
type Stats = { p50: number; p95: number; mean: number };
const SIDES = ['cached', 'afterWrite', 'floor'] as const;
type Side = (typeof SIDES)[number];

/** Runs `work` inside one transaction on the floor's connection, as TypeORM's dataSource.transaction does. */
async function inTransaction<T>(client: pg.Client, isolation: string, work: () => Promise<T>): Promise<T> {
  await client.query(`START TRANSACTION ISOLATION LEVEL ${isolation}`);
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The overlap list's storage floor as the API reads it (OVERLAP_LIST_MIN_SCORE). */
let overlapFloor = 0;
const runner = (client: pg.Client) => ({
  query: async (sql: string, params?: unknown[]) => (await client.query<pg.QueryResultRow>(sql, params)).rows,
});
/** One drain transaction, as the worker's OverlapRefreshService.drainBatch sends it. */
const drainOverlaps = (client: pg.Client) =>
  inTransaction(client, 'READ COMMITTED', () => drainOverlapOutbox(runner(client), overlapFloor, OVERLAP_DRAIN_BATCH));

/**
 * A FundingCliffService read with the default window: from this month (the API's Clock), DEFAULT_CLIFF_MONTHS on; one
 * statement that answers one row.
 */
const cliffFloor =
  (sql: Statement<unknown>): Read['floor'] =>
  async (_filters, { client, today }) => {
    const [row] = await pgRows(client, { ...sql, params: [`${today.slice(0, 7)}-01`, DEFAULT_CLIFF_MONTHS] });
    return row;
  };

/** The month of the default window whose cliff lists the most initiatives: the cliff page's largest month to open. */
let busiestCliffMonth = '';

/** The first page of a cliff group's initiatives (`firstDay` its statement's `$1`), as FundingCliffService pages it. */
const cliffPageFloor =
  (sql: Statement<{ items: unknown[]; total: number }>, firstDay: (today: string) => string): Read['floor'] =>
  async (_filters, { client, today }) => {
    const [row] = await pgRows(client, { ...sql, params: [firstDay(today), DEFAULT_PAGE_SIZE, 0] });
    return { items: row.items, total: row.total, limit: DEFAULT_PAGE_SIZE, offset: 0 };
  };

/**
 * Two statements of one read in one REPEATABLE READ snapshot, at once on two connections, as the API's
 * queryTwoInSnapshot sends them (its pool always has a connection free here: one request at a time).
 */
const twoInSnapshot = <A, B>(
  { client, beside }: FloorContext,
  first: BoundStatement<A>,
  second: BoundStatement<B>,
): Promise<[A, B]> =>
  inTransaction(client, 'REPEATABLE READ', async () => {
    const { id } = await queryOne(runner(client), EXPORT_SNAPSHOT_SQL);
    await execute(runner(beside), BEGIN_READ_ONLY_SQL);
    try {
      await execute(runner(beside), setSnapshotSql(id));
      const [[a], [b]] = await Promise.all([pgRows(client, first), pgRows(beside, second)]);
      return [a, b];
    } finally {
      await execute(runner(beside), ROLLBACK_SQL);
    }
  });

const READS: Read[] = [
  {
    name: 'summary',
    path: '/api/v1/portfolio/summary',
    // PortfolioSummaryService.summary: the summary and next year's funding cliff.
    floor: async (filters, ctx) => {
      const [{ summary }, { cliff: fundingCliff }] = await twoInSnapshot(
        ctx,
        buildPortfolioSummarySql(filters, ctx.today, ctx.timeZone, FUNDING_SOURCE_TYPES, ALERT_SEVERITIES),
        buildSummaryCliffSql(filters, Number(ctx.today.slice(0, 4)) + 1),
      );
      return { ...summary, fundingCliff };
    },
  },
  {
    name: 'readiness',
    path: '/api/v1/portfolio/readiness',
    // PortfolioReadinessService.readiness: the first page at the default page size with the departments, and the
    // priority areas.
    floor: async (filters, ctx) => {
      const [{ readiness }, { byPriorityArea }] = await twoInSnapshot(
        ctx,
        buildPortfolioReadinessSql(filters, { limit: DEFAULT_PAGE_SIZE, offset: 0 }, ctx.today, ctx.timeZone),
        buildReadinessAreasSql(filters, ctx.today, ctx.timeZone),
      );
      return { ...readiness, byPriorityArea };
    },
  },
  {
    name: 'funding cliff',
    path: '/api/v1/portfolio/funding-cliff',
    unfiltered: true,
    // FundingCliffService.cliff. No cache: the cached side computes as well.
    floor: cliffFloor(FUNDING_CLIFF_SQL),
  },
  {
    name: 'funding cliff totals',
    path: '/api/v1/portfolio/funding-cliff/totals',
    unfiltered: true,
    // FundingCliffService.totals, the overview's and the cliff page's read: the report's figures without the
    // initiatives, the window's and the earlier cliffs' at once in one snapshot. No cache either.
    floor: async (_filters, ctx) => {
      const firstDay = `${ctx.today.slice(0, 7)}-01`;
      const [window, { endedEarlier }] = await twoInSnapshot(
        ctx,
        { ...FUNDING_CLIFF_WINDOW_TOTALS_SQL, params: [firstDay, DEFAULT_CLIFF_MONTHS] },
        { ...FUNDING_CLIFF_EARLIER_TOTALS_SQL, params: [firstDay] },
      );
      return { ...window, endedEarlier };
    },
  },
  {
    name: 'funding cliff month',
    path: '/api/v1/portfolio/funding-cliff/months/{month}/initiatives',
    unfiltered: true,
    // FundingCliffService.monthInitiatives: what the cliff page loads when its busiest month is opened.
    floor: cliffPageFloor(FUNDING_CLIFF_MONTH_PAGE_SQL, () => `${busiestCliffMonth}-01`),
  },
  {
    name: 'funding cliff earlier',
    path: '/api/v1/portfolio/funding-cliff/earlier/initiatives',
    unfiltered: true,
    // FundingCliffService.earlierInitiatives: what the cliff page loads when the cliffs before the period are opened.
    floor: cliffPageFloor(FUNDING_CLIFF_EARLIER_PAGE_SQL, (today) => `${today.slice(0, 7)}-01`),
  },
  {
    name: 'overlaps',
    path: '/api/v1/portfolio/overlaps',
    unfiltered: true,
    // OverlapsService.list: the first page of the stored pairs at the floor, nothing else.
    floor: async (_filters, { client }) => {
      const [{ page }] = await pgRows(
        client,
        buildOverlapsSql({ minScore: overlapFloor, includeReviewed: false, limit: DEFAULT_PAGE_SIZE, offset: 0 }),
      );
      return page;
    },
  },
];

/**
 * The overlap refresh on its own, through the floor's connection, as the worker runs it: the full refresh job (every
 * open initiative noted and its facts forgotten, then drained batch by batch), a drain with nothing noted (median of
 * five), and a drain of 10 changed initiatives (noted as their triggers note them, their facts forgotten so they are
 * rescored as if changed; median of three). Leaves the stored pairs complete and the outbox empty.
 */
async function timeOverlapRefreshes(client: pg.Client, withFull: boolean) {
  let batches = 0;
  const full = withFull
    ? await timed(async () => {
        await inTransaction(client, 'READ COMMITTED', () => startFullOverlapRefresh(runner(client), overlapFloor));
        while ((await drainOverlaps(client)).noted > 0) batches++;
      })
    : NaN;
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM overlap_pairs');
  const empty: number[] = [];
  for (let i = 0; i < 5; i++) empty.push(await timed(() => drainOverlaps(client)));
  const ten: number[] = [];
  for (let i = 0; i < 3; i++) {
    await client.query(`
      WITH ten AS (SELECT initiative_id FROM overlap_facts ORDER BY md5(initiative_id::text || ${i}) LIMIT 10),
      noted AS (INSERT INTO overlap_outbox (initiative_id) SELECT initiative_id FROM ten)
      DELETE FROM overlap_facts WHERE initiative_id IN (SELECT initiative_id FROM ten)`);
    ten.push(await timed(() => drainOverlaps(client)));
  }
  console.log(
    `  overlap refresh: full (the deploy job, ${batches} batches of ${OVERLAP_DRAIN_BATCH}) ${withFull ? `${ms(full)} ms` : 'not timed'}, ` +
      `${rows[0].n} pairs stored at or above ${overlapFloor} | drain, nothing noted p50 ${ms(stats(empty).p50)} ms | ` +
      `drain of 10 changed p50 ${ms(stats(ten).p50)} ms (${ten.map(ms).join(', ')})\n`,
  );
}

/** No filter, and the typical one: the largest administration's initiatives (about 15 % of the portfolio). */
async function typicalFilters(client: pg.Client): Promise<Filter[]> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM departments WHERE code = $1', [
    TYPICAL.leadDepartmentCode,
  ]);
  if (!rows[0]) throw new Error(`${BENCH_DATABASE} holds no benchmark portfolio: run npm run bench:generate first`);
  return [
    { name: 'no filter', query: '', filters: {} },
    {
      name: `leadDepartmentId (${TYPICAL.leadDepartmentCode})`,
      query: `leadDepartmentId=${rows[0].id}`,
      filters: { leadDepartmentId: rows[0].id },
    },
  ];
}

async function get(url: string, token: string): Promise<unknown> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  return res.json();
}

async function waitUntilAnswering(api: ReturnType<typeof startApi>, url: string, token: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline && api.child.exitCode === null) {
    try {
      await get(url, token);
      return;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API on port ${PORT} is not answering (${last}):\n${api.output()}`);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function stats(ms: number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), mean: ms.reduce((a, b) => a + b, 0) / ms.length };
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

async function main() {
  const config = validateEnvironmentOrExit('Portfolio review benchmark');
  const timeZone = config.TIME_ZONE;
  // The floor's session as the API's (jit off): the same statements under the same settings.
  const client = new pg.Client({ connectionString: benchDatabaseUrl(), options: SESSION_OPTIONS });
  await client.connect();
  const beside = new pg.Client({ connectionString: benchDatabaseUrl(), options: SESSION_OPTIONS });
  await beside.connect();
  const api = startApi(benchDatabaseUrl(), PORT);
  process.on('exit', () => api.child.exitCode === null && api.child.kill('SIGTERM'));
  try {
    const { rows } = await client.query<{ server_version: string; work_mem: string; jit: string }>(
      `SELECT current_setting('server_version') AS server_version, current_setting('work_mem') AS work_mem, current_setting('jit') AS jit`,
    );
    const cpus = os.cpus();
    console.log(
      `Portfolio review benchmark, ${new Date().toISOString()}\n` +
        `node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
        `PostgreSQL ${rows[0].server_version} (work_mem ${rows[0].work_mem}, jit ${rows[0].jit}), database ${BENCH_DATABASE}, ` +
        `pool of ${(dataSourceOptions(config).extra as pg.PoolConfig | undefined)?.max ?? 'default'} in the API\n` +
        `${WARMUP} warm-up and ${REQUESTS} measured requests per read, filter and side, one at a time, the sides in turn\n` +
        `load average at start: ${loadAverage()} (other work on the machine competes with the run)\n`,
    );
    const filters = await typicalFilters(client);
    overlapFloor = config.OVERLAP_LIST_MIN_SCORE;
    const reads = READS.filter((read) => !ONLY || ONLY.includes(read.name));
    if (TIME_REFRESH !== '0' && reads.some((read) => read.name === 'overlaps'))
      await timeOverlapRefreshes(client, TIME_REFRESH !== 'drains');
    const cliffMonths = await pgRows(client, {
      ...FUNDING_CLIFF_WINDOW_TOTALS_SQL,
      params: [`${calendarDateIn(new Date(), timeZone).slice(0, 7)}-01`, DEFAULT_CLIFF_MONTHS],
    });
    busiestCliffMonth = cliffMonths[0].months.reduce((a, b) =>
      b.initiativesUndecided + b.initiativesCoverageDecided > a.initiativesUndecided + a.initiativesCoverageDecided
        ? b
        : a,
    ).month;
    const token = await benchToken(config);
    await waitUntilAnswering(api, `http://127.0.0.1:${PORT}${READS[0].path}`, token);

    const results: ({ read: Read; filter: Filter } & Record<Side, Stats>)[] = [];
    for (const read of reads) {
      for (const filter of read.unfiltered ? filters.slice(0, 1) : filters) {
        const path = read.path.replace('{month}', busiestCliffMonth);
        const url = `http://127.0.0.1:${PORT}${path}${filter.query ? `?${filter.query}` : ''}`;
        // Today as the API's Clock sees it, taken per series so a run across midnight stays comparable.
        const ctx = { client, beside, today: calendarDateIn(new Date(), timeZone), timeZone };
        const code = () => get(url, token);
        const floor = () => read.floor(filter.filters, ctx);
        // A committed transaction with an id moves every later snapshot on: the API's next read cannot use the cache.
        const write = () => client.query('SELECT txid_current()');
        // The floor must answer what the API answers; otherwise it is not the code's statements.
        const [body, expected] = [await code(), await floor()];
        if (!isDeepStrictEqual(body, JSON.parse(JSON.stringify(expected))))
          throw new Error(`${read.name}, ${filter.name}: the API and the floor answer differently`);
        for (let i = 0; i < WARMUP; i++) {
          await code();
          await floor();
        }
        const times: Record<Side, number[]> = { cached: [], afterWrite: [], floor: [] };
        const started = performance.now();
        for (let i = 0; i < REQUESTS && (i < MIN_REQUESTS || performance.now() - started < SERIES_MS); i++) {
          // Rotating who goes first spreads drift (caches, other work on the machine) over the sides.
          for (let k = 0; k < SIDES.length; k++) {
            const side = SIDES[(i + k) % SIDES.length];
            if (side === 'afterWrite') await write();
            // The cached side reads right after another API read of the same question, with no write between.
            if (side === 'cached') await code();
            times[side].push(await timed(side === 'floor' ? floor : code));
          }
        }
        const row = {
          read,
          filter,
          cached: stats(times.cached),
          afterWrite: stats(times.afterWrite),
          floor: stats(times.floor),
        };
        console.log(
          `  ${`${read.name}, ${filter.name}`.padEnd(40)} ${String(times.floor.length).padStart(3)} requests each: ` +
            `cached p50 ${ms(row.cached.p50).padStart(5)} ms | after a write p50 ${ms(row.afterWrite.p50).padStart(5)} ms | floor p50 ${ms(row.floor.p50).padStart(5)} ms`,
        );
        results.push(row);
      }
    }

    console.log(
      [
        '',
        '| read | filter | cached p50 ms | cached p95 ms | after a write p50 ms | after a write p95 ms | floor p50 ms | floor p95 ms | after a write / floor p50 | cached / floor p50 |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...results.map(
          ({ read, filter, cached, afterWrite, floor }) =>
            `| ${read.name} | ${filter.name} | ${ms(cached.p50)} | ${ms(cached.p95)} | ${ms(afterWrite.p50)} | ${ms(afterWrite.p95)} | ${ms(floor.p50)} | ${ms(floor.p95)} | ` +
            `${(afterWrite.p50 / floor.p50).toFixed(2)} | ${(cached.p50 / floor.p50).toFixed(2)} |`,
        ),
        '',
      ].join('\n'),
    );
    const aimed = results.find((r) => r.read.name === AIM.read && r.filter.name === AIM.filter);
    const verdict = (p50: number) => `${ms(p50)} ms (${p50 < AIM.p50Ms ? 'met' : 'NOT met'})`;
    if (aimed)
      console.log(
        `Aim: ${AIM.read} (${AIM.filter}) under ${AIM.p50Ms} ms p50. Measured: cached ${verdict(aimed.cached.p50)}, after a write ${verdict(aimed.afterWrite.p50)}.`,
      );
    console.log(`Load average at the end: ${loadAverage()}`);
  } finally {
    await client.end();
    await beside.end();
  }
}

runBenchmark(main);
