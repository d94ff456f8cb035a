/**
 * Loads GET /api/v1/initiatives with typical filters on the real API and on the bare baseline (bare-server.ts),
 * one after the other with the same load, in two parts:
 * - saturation: 32 connections as fast as they can go, each query in rounds: a round loads both servers back to back,
 *   the one going first alternating from round to round (ABBA), since one pair on this shared 2-core machine is too
 *   noisy to judge a query by; judges each query by the median of its rounds' own ratios (each round's pair shares
 *   the machine's phase, which swings throughput by a third from minute to minute), and prints beside it each
 *   server's median requests/s and p99 over the rounds, the ratio of those medians and the lowest and highest
 *   round's ratio;
 * - open loop: a fixed rate (25 requests/s) whatever the answers' pace, spread evenly over each second as users arrive;
 *   prints p50 and p99 for both,
 *   and for GET /api/v1/portfolio/summary on the API (no bare twin) with the portfolio unchanged and with a write
 *   every second (each moves the snapshot on, so the next read cannot use the summary's cache).
 * Needs the portfolio from generate-portfolio.ts.
 *
 *   npm run bench:initiatives         (BENCH_ROUNDS saturation rounds per query, default 5; BENCH_DURATION seconds
 *                                     per server and round, default 4; BENCH_PARTS
 *                                     saturation,open-loop by default; BENCH_RATE requests/s, default 25, for
 *                                     BENCH_OPEN_LOOP_DURATION seconds, default 20; BENCH_API_MAIN another build's
 *                                     apps/api/src/main.js, e.g. the main branch's, to measure a baseline)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { validateEnvironmentOrExit } from '#common';
import { BENCH_DATABASE, benchDatabaseUrl, benchToken, runBenchmark, TYPICAL } from './bench-database.js';

const CONNECTIONS = 32;
// Five rounds, so one round caught by a change of the machine's pace between its two runs cannot decide the median.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DURATION = Number(process.env.BENCH_DURATION ?? 4);
const PARTS = (process.env.BENCH_PARTS ?? 'saturation,open-loop').split(',');
const OPEN_LOOP = {
  rate: Number(process.env.BENCH_RATE ?? 25),
  duration: Number(process.env.BENCH_OPEN_LOOP_DURATION ?? 20),
};
const WRITE_EVERY_MS = 1000;
// A server runs for days: the rounds measure it after its compiler and heap have settled, not in its first minute.
const WARMUP_SECONDS = 4;
const READY_TIMEOUT_MS = 60_000;
const SETTLE_TIMEOUT_MS = 120_000;
const AIM = { ratio: 0.9, openLoopP99Ms: 50 };
const SUMMARY_PATH = '/api/v1/portfolio/summary';

type Server = { name: 'API' | 'bare'; port: number; script: URL; child?: ChildProcess; output: string };
type Query = { name: string; query: string };
/** autocannon's result and the CPU the server spent during the run (its own process, not PostgreSQL's). */
type Measured = Result & { cpuMs: number };
/** Both servers loaded back to back with the same query. */
type Pair<T> = { api: T; bare: T };
type Row = { query: Query; rounds: Pair<Measured>[] };
/** One server's figures for a query over its rounds. */
type Figures = { requestsPerSecond: number; p99: number; cpuMsPerRequest: number };
/** An open-loop run: percentiles of every answer's latency as measured, and the server's CPU per answered request. */
type OpenLoopMeasured = { p50: number; p99: number; answered: number; failed: string | null; cpuMsPerRequest: number };
type OpenLoopRow = { name: string; api: OpenLoopMeasured; bare?: OpenLoopMeasured };
// Linux's USER_HZ, in which /proc/<pid>/stat counts CPU time.
const CLOCK_TICKS_PER_SECOND = 100;

const servers: Server[] = [
  {
    name: 'API',
    port: Number(process.env.BENCH_API_PORT ?? 3100),
    script: process.env.BENCH_API_MAIN
      ? new URL(process.env.BENCH_API_MAIN, `file://${process.cwd()}/`)
      : new URL('../apps/api/src/main.js', import.meta.url),
    output: '',
  },
  {
    name: 'bare',
    port: Number(process.env.BENCH_BARE_PORT ?? 3101),
    script: new URL('./bare-server.js', import.meta.url),
    output: '',
  },
];

// The API asks for a bearer token (the bare baseline ignores it); set in main before any request.
const headers: Record<string, string> = {};

const listUrl = (server: Server, query: string) =>
  `http://127.0.0.1:${server.port}/api/v1/initiatives${query ? `?${query}` : ''}`;

function start(server: Server) {
  const child = spawn(process.execPath, [server.script.pathname], {
    env: {
      ...process.env,
      DATABASE_URL: benchDatabaseUrl(),
      PORT: String(server.port),
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for the error message if the server never answers.
  const keep = (chunk: Buffer) => (server.output = (server.output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  server.child = child;
}

function stopAll() {
  for (const server of servers) if (server.child && server.child.exitCode === null) server.child.kill('SIGTERM');
}

async function waitUntilAnswering(server: Server) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline && server.child?.exitCode === null) {
    try {
      const res = await fetch(listUrl(server, 'limit=1'), { headers });
      if (res.ok) return;
      last = `${res.status}: ${(await res.text()).slice(0, 500)}`;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The ${server.name} server on port ${server.port} is not answering the list (${last}):\n${server.output}`,
  );
}

/** The typical queries, with ids looked up by the codes the generator always writes. */
async function typicalQueries(database: pg.Client): Promise<Query[]> {
  const { rows } = await database.query<{ department: string | null; small: string | null; goal: string | null }>(
    `SELECT (SELECT id FROM departments WHERE code = $1) AS department, (SELECT id FROM departments WHERE code = $2) AS small,
            (SELECT id FROM goals WHERE code = $3) AS goal`,
    [TYPICAL.leadDepartmentCode, TYPICAL.smallDepartmentCode, TYPICAL.priorityAreaCode],
  );
  const { department, small, goal } = rows[0];
  if (!department || !small || !goal)
    throw new Error(`${BENCH_DATABASE} holds no benchmark portfolio: run npm run bench:generate first`);
  return [
    { name: 'no filter', query: '' },
    { name: 'status=active', query: 'status=active' },
    { name: `leadDepartmentId (${TYPICAL.leadDepartmentCode})`, query: `leadDepartmentId=${department}` },
    { name: `leadDepartmentId (${TYPICAL.smallDepartmentCode}, few rows)`, query: `leadDepartmentId=${small}` },
    { name: `goalId (${TYPICAL.priorityAreaCode} and below)`, query: `goalId=${goal}` },
    { name: 'fundingSourceType=state_grant', query: 'fundingSourceType=state_grant' },
    { name: `q=${TYPICAL.searchWord}`, query: `q=${encodeURIComponent(TYPICAL.searchWord)}` },
    { name: 'sort=-startDate', query: 'sort=-startDate' },
  ];
}

/** Both servers must answer every query with the same page; otherwise the comparison means nothing. */
async function assertSameAnswers(queries: Query[]) {
  for (const { name, query } of queries) {
    const [api, bare] = await Promise.all(
      servers.map(async (server) => {
        const res = await fetch(listUrl(server, query), { headers });
        if (!res.ok) throw new Error(`${server.name} answered ${res.status} to ${name}: ${await res.text()}`);
        return (await res.json()) as { items: unknown[]; total: number };
      }),
    );
    if (api.total !== bare.total)
      throw new Error(`${name}: the API counts ${api.total}, the bare server ${bare.total}`);
    if (!isDeepStrictEqual(api, bare)) throw new Error(`${name}: both count ${api.total}, but the pages differ`);
    console.log(`  ${name.padEnd(36)} total ${String(api.total).padStart(6)}, same page on both`);
  }
}

async function load(server: Server, query: string, duration: number, database: pg.Client): Promise<Measured> {
  return loadUrl(server, listUrl(server, query), { connections: CONNECTIONS, duration }, database);
}

async function loadUrl(
  server: Server,
  url: string,
  options: { connections: number; duration: number },
  database: pg.Client,
): Promise<Measured> {
  const cpuBefore = cpuMs(server);
  const result = await autocannon({ url, headers, ...options });
  await settle(database);
  return { ...result, cpuMs: cpuMs(server) - cpuBefore };
}

/**
 * Measures both servers one after the other, the API first or not: alternating who goes first spreads any drift
 * (caches, other work on the machine) over both servers.
 */
async function inTurn<T>(apiFirst: boolean, measure: (server: Server) => Promise<T>): Promise<Pair<T>> {
  const measured = new Map<Server['name'], T>();
  for (const server of apiFirst ? servers : [...servers].reverse()) measured.set(server.name, await measure(server));
  return { api: measured.get('API')!, bare: measured.get('bare')! };
}

/**
 * An open loop: `rate` clients, each one connection sending a request a second, started 1000 / rate ms apart, so the
 * requests arrive spread evenly over every second whatever the answers' pace, as users do. autocannon's overallRate
 * instead sends each second's requests at once (a burst as wide as its connections), and its correction for
 * coordinated omission assumes ceil(1 / rate) ms between requests (1 ms), filling the histogram with made-up samples
 * of every answer's length: its percentiles described bursts, not users arriving. At one request a second per
 * connection and answers well under a second nothing is omitted, so the latencies are recorded as measured.
 */
async function openLoopRun(server: Server, url: string, database: pg.Client): Promise<OpenLoopMeasured> {
  const { rate, duration } = OPEN_LOOP;
  const cpuBefore = cpuMs(server);
  const latencies: number[] = [];
  const clients = [];
  for (let i = 0; i < rate; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
    const client = autocannon({
      url,
      headers,
      connections: 1,
      connectionRate: 1,
      duration,
      ignoreCoordinatedOmission: true,
    });
    clients.push(client.on('response', (_client, _status, _bytes, ms) => latencies.push(ms)));
  }
  const results = await Promise.all(clients);
  await settle(database);
  latencies.sort((a, b) => a - b);
  const percentile = (q: number) => Math.round(latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? NaN);
  const sum = (count: (result: Result) => number) => results.reduce((total, result) => total + count(result), 0);
  const [errors, timeouts, non2xx] = [sum((r) => r.errors), sum((r) => r.timeouts), sum((r) => r.non2xx)];
  return {
    p50: percentile(0.5),
    p99: percentile(0.99),
    answered: latencies.length,
    failed: errors || timeouts || non2xx ? `${errors} errors, ${timeouts} timeouts, ${non2xx} non-2xx` : null,
    cpuMsPerRequest: (cpuMs(server) - cpuBefore) / latencies.length,
  };
}

/**
 * User and system CPU time of a server's process so far. Unlike requests/s it hardly depends on what else the shared
 * machine runs, so the cost of a request stays comparable when the throughput is mostly noise.
 */
function cpuMs(server: Server): number {
  const stat = readFileSync(`/proc/${server.child?.pid}/stat`, 'utf8');
  // Fields 14 and 15 (utime, stime), counted after the command name, which may hold spaces, in parentheses.
  const [utime, stime] = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .slice(11, 13)
    .map(Number);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Waits until the bench database runs no more statements: requests still queued in a server's pool when a run
 * ends would otherwise eat into the next run, which may be the other server's.
 */
async function settle(database: pg.Client) {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { rows } = await database.query<{ busy: number }>(
      `SELECT count(*)::int AS busy FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    if (rows[0].busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The bench database was still busy ${SETTLE_TIMEOUT_MS / 1000} s after a run`);
}

function failures(result: Result): string | null {
  return result.errors || result.timeouts || result.non2xx
    ? `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`
    : null;
}

function loadAverage() {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
}

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
const mean = (values: number[]) => sum(values) / values.length;

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Medians over the rounds; the CPU a request from all rounds' totals, so a round with fewer answers weighs less. */
function figures(runs: Measured[]): Figures {
  return {
    requestsPerSecond: median(runs.map((run) => run.requests.average)),
    p99: median(runs.map((run) => run.latency.p99)),
    cpuMsPerRequest: sum(runs.map((run) => run.cpuMs)) / sum(runs.map((run) => run.requests.total)),
  };
}

/**
 * A query's figures per server, each round's own ratio (its back-to-back pair), and the two ratios over the rounds:
 * the median of the rounds' ratios, which the aim is judged on, and the ratio of the servers' medians, which may take
 * the API's figure from a slow minute and the bare server's from a fast one.
 */
function summarise({ query, rounds }: Row) {
  const api = figures(rounds.map((round) => round.api));
  const bare = figures(rounds.map((round) => round.bare));
  const roundRatios = rounds.map((round) => round.api.requests.average / round.bare.requests.average);
  return {
    query,
    api,
    bare,
    ratio: median(roundRatios),
    ratioOfMedians: api.requestsPerSecond / bare.requestsPerSecond,
    roundRatios,
  };
}

const span = (ratios: number[]) => `${fixed(Math.min(...ratios), 2)}–${fixed(Math.max(...ratios), 2)}`;

function reportFailures(name: string, results: [string, Result | undefined][]) {
  for (const [side, result] of results) {
    const failed = result && failures(result);
    if (failed) console.log(`${side}, ${name}: ${failed} (autocannon gives up on a request after 10 s)`);
  }
}

function report(rows: Row[]) {
  const summaries = rows.map(summarise);
  const lines = [
    "| query | API req/s | bare req/s | API/bare, median of the rounds | rounds' API/bare | ratio of the medians | API p99 ms | bare p99 ms | API CPU ms/req | bare CPU ms/req | bare/API CPU |",
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...summaries.map(
      ({ query, api, bare, ratio, ratioOfMedians, roundRatios }) =>
        `| ${query.name} | ${fixed(api.requestsPerSecond)} | ${fixed(bare.requestsPerSecond)} | ${fixed(ratio, 2)} | ${span(roundRatios)} | ${fixed(ratioOfMedians, 2)} | ${fixed(api.p99)} | ${fixed(bare.p99)} | ` +
        `${fixed(api.cpuMsPerRequest, 2)} | ${fixed(bare.cpuMsPerRequest, 2)} | ${fixed(bare.cpuMsPerRequest / api.cpuMsPerRequest, 2)} |`,
    ),
  ];
  const of = (side: 'api' | 'bare', figure: keyof Figures) => summaries.map((summary) => summary[side][figure]);
  const [apiMean, bareMean] = [mean(of('api', 'requestsPerSecond')), mean(of('bare', 'requestsPerSecond'))];
  lines.push(
    `| **overall** (mean of the queries) | ${fixed(apiMean)} | ${fixed(bareMean)} | ` +
      `${fixed(mean(summaries.map((summary) => summary.ratio)), 2)} | ` +
      `${span(summaries.flatMap((summary) => summary.roundRatios))} | ${fixed(apiMean / bareMean, 2)} | ` +
      `${fixed(Math.max(...of('api', 'p99')))} (worst) | ${fixed(Math.max(...of('bare', 'p99')))} (worst) | ` +
      `${fixed(mean(of('api', 'cpuMsPerRequest')), 2)} | ${fixed(mean(of('bare', 'cpuMsPerRequest')), 2)} | |`,
  );
  console.log(
    `\nMedians over ${ROUNDS} rounds of ${DURATION} s per query and server: requests/s, and p99 as the median of the ` +
      `rounds' p99s. API/bare is the median of each round's own ratio (its two runs back to back), the aim's figure; ` +
      `rounds' API/bare the lowest and highest of those; the ratio of the medians divides the servers' medians, taken ` +
      `from different rounds. CPU a request from all rounds' totals.\n\n${lines.join('\n')}\n`,
  );
  for (const { query, rounds } of rows)
    for (const [i, round] of rounds.entries())
      reportFailures(`${query.name}, round ${i + 1}`, [
        ['API', round.api],
        ['bare', round.bare],
      ]);
  const worst = summaries.reduce((low, summary) => (summary.ratio < low.ratio ? summary : low));
  // Written so that a ratio of NaN (a server that answered nothing) counts as below.
  const below = summaries.filter((summary) => !(summary.ratio >= AIM.ratio)).length;
  console.log(
    `Aim: API at least ${AIM.ratio} of the bare throughput on every query (the median of ${ROUNDS} rounds' ratios, ` +
      `${DURATION} s per server and round). Lowest ${fixed(worst.ratio, 3)} (${worst.query.name}), ${below} of ${summaries.length} ` +
      `queries below: ${below === 0 ? 'met' : 'NOT met'}.`,
  );
}

function reportOpenLoop(rows: OpenLoopRow[]) {
  const lines = [
    `| read (${OPEN_LOOP.rate} requests/s, ${OPEN_LOOP.duration} s) | API p50 ms | API p99 ms | bare p50 ms | bare p99 ms | API answers | API CPU ms/req | bare CPU ms/req |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ name, api, bare }) =>
        `| ${name} | ${api.p50} | ${api.p99} | ${bare?.p50 ?? '–'} | ${bare?.p99 ?? '–'} | ${api.answered} | ` +
        `${fixed(api.cpuMsPerRequest, 2)} | ${bare ? fixed(bare.cpuMsPerRequest, 2) : '–'} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}\n`);
  for (const { name, api, bare } of rows)
    for (const [side, measured] of [
      ['API', api],
      ['bare', bare],
    ] as const)
      if (measured?.failed) console.log(`${side}, ${name}: ${measured.failed}`);
  const worst = Math.max(...rows.map((r) => r.api.p99));
  console.log(
    `Aim: API p99 under ${AIM.openLoopP99Ms} ms at ${OPEN_LOOP.rate} requests/s on every read. ` +
      `Worst API p99 ${worst} ms: ${worst < AIM.openLoopP99Ms ? 'met' : 'NOT met'}.`,
  );
}

async function saturation(queries: Query[], database: pg.Client) {
  console.log(
    `Saturation: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per query and server, ` +
      `who goes first alternating from round to round (load average ${loadAverage()}):`,
  );
  const rows: Row[] = [];
  for (const [i, query] of queries.entries()) {
    const rounds: Pair<Measured>[] = [];
    // Each query starts with the other server than the last, so an odd number of rounds favours neither overall.
    for (let round = 0; round < ROUNDS; round++)
      rounds.push(await inTurn((i + round) % 2 === 0, (server) => load(server, query.query, DURATION, database)));
    const row = { query, rounds };
    const { api, bare, ratio, roundRatios } = summarise(row);
    console.log(
      `  ${query.name.padEnd(36)} API ${fixed(api.requestsPerSecond).padStart(5)} req/s | bare ${fixed(bare.requestsPerSecond).padStart(5)} req/s` +
        ` (medians) | API/bare ${fixed(ratio, 2)} (median of rounds ${roundRatios.map((r) => fixed(r, 2)).join(', ')})`,
    );
    rows.push(row);
  }
  report(rows);
}

async function openLoop(queries: Query[], database: pg.Client) {
  const { rate, duration } = OPEN_LOOP;
  const atRate = (server: Server, url: string) => openLoopRun(server, url, database);
  const [api] = servers;
  console.log(`Open loop: ${rate} requests/s for ${duration} s per run (load average ${loadAverage()}):`);
  const rows: OpenLoopRow[] = [];
  for (const [i, query] of queries.entries())
    rows.push({
      name: `list, ${query.name}`,
      ...(await inTurn(i % 2 === 0, (server) => atRate(server, listUrl(server, query.query)))),
    });
  const summaryUrl = `http://127.0.0.1:${api.port}${SUMMARY_PATH}`;
  // Once, so the unchanged run reads what the cache holds.
  const first = await fetch(summaryUrl, { headers });
  if (!first.ok) throw new Error(`The API answered ${first.status} to the summary: ${await first.text()}`);
  rows.push({ name: 'summary, portfolio unchanged', api: await atRate(api, summaryUrl) });
  // A committed transaction with an id moves every later snapshot on: the next read computes the summary again.
  const writer = new pg.Client({ connectionString: benchDatabaseUrl() });
  await writer.connect();
  // Chained, so the client is closed only after the last write has answered, and a failed write surfaces here.
  let written: Promise<unknown> = Promise.resolve();
  const writes = setInterval(() => {
    written = written.then(() => writer.query('SELECT txid_current()'));
  }, WRITE_EVERY_MS);
  try {
    rows.push({ name: `summary, a write every ${WRITE_EVERY_MS / 1000} s`, api: await atRate(api, summaryUrl) });
  } finally {
    clearInterval(writes);
    await written.finally(() => writer.end());
  }
  for (const row of rows)
    console.log(
      `  ${row.name.padEnd(44)} API p50 ${String(row.api.p50).padStart(5)} ms p99 ${String(row.api.p99).padStart(5)} ms` +
        (row.bare
          ? ` | bare p50 ${String(row.bare.p50).padStart(5)} ms p99 ${String(row.bare.p99).padStart(5)} ms`
          : ''),
    );
  reportOpenLoop(rows);
}

async function main() {
  const database = new pg.Client({ connectionString: benchDatabaseUrl() });
  await database.connect();
  try {
    const { rows } = await database.query<{ server_version: string }>('SHOW server_version');
    const cpus = os.cpus();
    console.log(
      `Initiative list benchmark, ${new Date().toISOString()}\n` +
        `node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
        `PostgreSQL ${rows[0].server_version}, database ${BENCH_DATABASE}\n` +
        `autocannon in this process, servers alternating; parts: ${PARTS.join(', ')}; API: ${servers[0].script.pathname}\n` +
        `load average at start: ${loadAverage()} (other work on the machine competes with the run)\n`,
    );
    if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
      throw new Error(`BENCH_ROUNDS must be a whole number of at least 1, not ${process.env.BENCH_ROUNDS}`);
    headers.Authorization = `Bearer ${await benchToken(validateEnvironmentOrExit('Initiative list benchmark'))}`;
    const queries = await typicalQueries(database);
    servers.forEach(start);
    await Promise.all(servers.map(waitUntilAnswering));

    console.log('Same answers from both servers:');
    await assertSameAnswers(queries);

    console.log(`Warming up (${WARMUP_SECONDS} s per query and server)…`);
    for (const { query } of queries) for (const server of servers) await load(server, query, WARMUP_SECONDS, database);
    if (PARTS.includes('saturation')) await saturation(queries, database);
    if (PARTS.includes('open-loop')) await openLoop(queries, database);
    console.log(`Load average at the end: ${loadAverage()}`);
  } finally {
    await database.end();
  }
}

process.on('exit', stopAll);
runBenchmark(main);
