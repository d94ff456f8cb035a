/**
 * The web app's list page (Insatser, /insatser) in a real browser on the benchmark portfolio: how long from navigation
 * to the list's first rows, and from a filter change to the updated rows, next to the API's own time for the same
 * request; and how much JavaScript, gzipped, the page loads. Needs the portfolio from generate-portfolio.ts and
 * Chromium (scripts/ensure-chromium.sh installs Debian's when missing).
 *
 *   npm run bench:web-list      (builds the API and the web app first; BENCH_TRIES measured tries, default 20,
 *                                after 2 warm-up tries; BENCH_API_PORT, default a free loopback port)
 *
 * The built API serves the built web app (as in production) against samla_bench on 127.0.0.1. Chromium signs in once
 * as the leadership group through the development issuer's sign-in page; then each try, in one tab:
 *   1. navigation, returning user: page.goto('/insatser') with the browser's cache as the last visit left it;
 *   2. filter change, status: a press on one status checkbox (a different status from try to try);
 *   3. navigation, empty cache: the HTTP cache cleared (Chromium's Network.clearBrowserCache), then page.goto again;
 *   4. filter change, lead department: the "Ansvarig förvaltning" select opened, then a press on a department (a
 *      different department every try).
 * A page time runs in the page's own clock: from navigation start (performance.timeOrigin) or from the press
 * (pointerdown) to the animation frame that paints the new rows. The API's time is the browser's resource timing
 * entry of the GET /api/v1/initiatives request (responseEnd − startTime); afterwards Node fetches the same URLs with
 * a bearer token of the same role, as a cross-check.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { validateEnvironmentOrExit } from '#common';
import { BENCH_DATABASE, benchDatabaseUrl, benchToken, runBenchmark, startApi } from './bench-database.js';
import {
  armFilterChange,
  launchBrowser,
  resourceTimings,
  signedInPage,
  whenListUpdated,
  whenRowsShown,
  type ResourceTiming,
} from './web-browser.js';

const TRIES = Number(process.env.BENCH_TRIES ?? 20);
const WARMUP_TRIES = 2;
/** How often Node fetches each URL the browser asked for: at least 3 times, and at least TRIES times in all. */
const NODE_REPEATS = 3;
const READY_TIMEOUT_MS = 60_000;
const AIM = { initialJsKb: 150, filterAddsMs: 100 };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_DIR = `${ROOT}dist/apps/web`;
const LIST_PATH = '/insatser';
const LIST_REQUEST = '/api/v1/initiatives?';
/** The status checkboxes' values (the API's statuses), pressed in turn. */
const STATUSES = ['active', 'completed', 'approved', 'draft', 'proposed', 'integrated', 'discontinued'];
/** The lead department select's label (apps/web/src/features/portfolio/messages.ts, filters.leadDepartment). */
const LEAD_DEPARTMENT_LABEL = 'Ansvarig förvaltning';

const KINDS = [
  'navigation, returning user',
  'navigation, empty cache',
  'filter change: status',
  'filter change: lead department',
] as const;
type Kind = (typeof KINDS)[number];
/** One try of one kind: the page's time, the API's part of it, and when the list request left, all in ms. */
type Sample = { page: number; api: number; requestStart: number; url: string; revalidated: boolean };

const fixed = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

/** Nearest rank: the value at or below which `share` of the values lie (p95 of 20 tries is the 19th). */
function percentile(values: number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

/** The list request among the page's resource entries, the only one started since `since` (page clock). */
function listRequest(resources: ResourceTiming[], since: number, what: string): ResourceTiming {
  const found = resources.filter((r) => r.name.includes(LIST_REQUEST) && r.startTime >= since);
  if (found.length !== 1)
    throw new Error(
      `${what}: expected one list request, the page made ${found.length}: ${found.map((r) => r.name).join(', ')}`,
    );
  return found[0];
}

function sample(page: number, request: ResourceTiming, since: number): Sample {
  return {
    page,
    api: request.responseEnd - request.startTime,
    requestStart: request.startTime - since,
    url: request.name,
    // A 304: fewer bytes over the wire than the body the cache already had.
    revalidated: request.transferSize > 0 && request.transferSize < request.encodedBodySize,
  };
}

async function waitUntilReady(baseUrl: string, api: ReturnType<typeof startApi>) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (api.child.exitCode === null && Date.now() < deadline) {
    const status = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The API at ${baseUrl} did not get ready within ${READY_TIMEOUT_MS / 1000} s:\n${api.output()}`);
}

/** The departments for the lead department filter, by code, each leading at least one initiative; and the total. */
async function portfolio(): Promise<{ initiatives: number; departments: string[] }> {
  const client = new pg.Client({
    connectionString: benchDatabaseUrl(),
    connectionTimeoutMillis: 5_000,
    statement_timeout: 30_000,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT d.name FROM departments d WHERE EXISTS (SELECT 1 FROM initiatives i WHERE i.lead_department_id = d.id) ORDER BY d.code',
    );
    const { rows: count } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM initiatives');
    if (count[0].n === 0) throw new Error(`${BENCH_DATABASE} holds no initiatives: run npm run bench:generate first`);
    return { initiatives: count[0].n, departments: rows.map((r) => r.name) };
  } finally {
    await client.end();
  }
}

/** The same URLs from Node with a bearer token: the API's time without a browser in the way. */
async function timeFromNode(urls: string[], token: string): Promise<number[]> {
  const times: number[] = [];
  const repeats = Math.max(NODE_REPEATS, Math.ceil(TRIES / urls.length));
  for (const url of urls) {
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      const res = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(15_000),
      });
      await res.text();
      if (!res.ok) throw new Error(`${url} answered ${res.status} to Node`);
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** gzip -6 of each JavaScript file, as apps/web/scripts/bundle-size.mjs measures; the server sends them uncompressed. */
function gzippedKb(path: string): { raw: number; gz: number } {
  const bytes = readFileSync(`${WEB_DIR}${path}`);
  return { raw: bytes.length / 1000, gz: gzipSync(bytes).length / 1000 };
}

/** The entry's JavaScript: the module script index.html loads and the modules it preloads. */
function entryScripts(): string[] {
  const html = readFileSync(`${WEB_DIR}/index.html`, 'utf8');
  return [
    ...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g),
  ].map((m) => m[1]);
}

function reportJavaScript(firstVisit: ResourceTiming[]) {
  const entry = new Set(entryScripts());
  const files = firstVisit
    .filter((r) => new URL(r.name).pathname.endsWith('.js'))
    .map((r) => ({ path: new URL(r.name).pathname, transferred: r.transferSize / 1000 }));
  const missing = [...entry].filter((path) => !files.some((f) => f.path === path));
  if (missing.length) throw new Error(`index.html names ${missing.join(', ')}, which the first visit did not fetch`);
  const rows = files.map((f) => ({ ...f, ...gzippedKb(f.path), entry: entry.has(f.path) }));
  const sum = (list: typeof rows, key: 'raw' | 'gz' | 'transferred') => list.reduce((total, r) => total + r[key], 0);
  const entryRows = rows.filter((r) => r.entry);
  console.log(
    [
      '',
      `JavaScript of a first visit to ${LIST_PATH} (empty cache; the browser's resource entries, gzipped here):`,
      '',
      '| file | loaded by | kB | kB gzipped | kB over the wire |',
      '| --- | --- | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.path.replace('/assets/', '')} | ${r.entry ? 'index.html' : 'the route, lazily'} | ${r.raw.toFixed(1)} | ${r.gz.toFixed(1)} | ${r.transferred.toFixed(1)} |`,
      ),
      `| **entry** (index.html and its modulepreloads) | | ${sum(entryRows, 'raw').toFixed(1)} | **${sum(entryRows, 'gz').toFixed(1)}** | |`,
      `| **the page in all** | | ${sum(rows, 'raw').toFixed(1)} | **${sum(rows, 'gz').toFixed(1)}** | ${sum(rows, 'transferred').toFixed(1)} |`,
      '',
      `Aim: at most ${AIM.initialJsKb} kB gzipped. Entry ${sum(entryRows, 'gz').toFixed(1)} kB: ${sum(entryRows, 'gz') <= AIM.initialJsKb ? 'met' : 'NOT met'}; ` +
        `everything ${LIST_PATH} loads ${sum(rows, 'gz').toFixed(1)} kB: ${sum(rows, 'gz') <= AIM.initialJsKb ? 'met' : 'NOT met'}.`,
    ].join('\n'),
  );
}

function reportTimes(samples: Record<Kind, Sample[]>, fromNode: Record<Kind, number[]>) {
  const line = (kind: Kind) => {
    const list = samples[kind];
    const page = list.map((s) => s.page);
    const api = list.map((s) => s.api);
    const adds = list.map((s) => s.page - s.api);
    const starts = list.map((s) => s.requestStart);
    return (
      `| ${kind} | ${list.length} | ${fixed(percentile(page, 0.5))} | ${fixed(percentile(page, 0.95))} | ${fixed(percentile(starts, 0.5))} | ` +
      `${fixed(percentile(api, 0.5))} | ${fixed(percentile(api, 0.95))} | ${fixed(percentile(adds, 0.5))} | ${fixed(percentile(adds, 0.95))} | ` +
      `${fixed(percentile(fromNode[kind], 0.5))} | ${fixed(percentile(fromNode[kind], 0.95))} |`
    );
  };
  console.log(
    [
      '',
      '| measurement | tries | page median ms | page p95 ms | list request sent after, median ms | API in the browser median ms | API p95 ms | web app adds median ms | web app adds p95 ms | API from Node median ms | API from Node p95 ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...KINDS.map(line),
      '',
      '"web app adds" is page − API per try (then median and p95 of those); "list request sent after" counts from navigation start or the press.',
    ].join('\n'),
  );
  for (const kind of KINDS) {
    const revalidated = samples[kind].filter((s) => s.revalidated).length;
    if (revalidated)
      console.log(
        `${kind}: ${revalidated} of ${samples[kind].length} list requests were revalidated (304 on the ETag; the API still ran the query)`,
      );
  }
  for (const kind of KINDS.filter((k) => k.startsWith('filter'))) {
    const adds = samples[kind].map((s) => s.page - s.api);
    const [median, p95] = [percentile(adds, 0.5), percentile(adds, 0.95)];
    console.log(
      `Aim: the web app adds at most ${AIM.filterAddsMs} ms to the API's time for a filter change. ${kind}: median ${fixed(median)} ms, p95 ${fixed(p95)} ms: ` +
        `${p95 <= AIM.filterAddsMs ? 'met' : median <= AIM.filterAddsMs ? 'met at the median, NOT at p95' : 'NOT met'}.`,
    );
  }
}

async function main() {
  if (!Number.isInteger(TRIES) || TRIES < 1)
    throw new Error(`BENCH_TRIES must be a whole number from 1 up (got ${process.env.BENCH_TRIES})`);
  const config = validateEnvironmentOrExit('Web list benchmark');
  const { initiatives, departments } = await portfolio();
  const chromiumPath = execFileSync('bash', [`${ROOT}scripts/ensure-chromium.sh`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 600_000,
  }).trim();
  const port = Number(process.env.BENCH_API_PORT ?? (await freePort()));
  const baseUrl = `http://127.0.0.1:${port}`;
  // The development issuer sends a sign-in back only to PUBLIC_URL's origin; startApi passes the environment on.
  process.env.PUBLIC_URL = baseUrl;
  const api = startApi(benchDatabaseUrl(), port);
  process.on('exit', () => api.child.exitCode === null && api.child.kill('SIGTERM'));
  await waitUntilReady(baseUrl, api);

  const { browser, close } = await launchBrowser(chromiumPath);
  try {
    const cpus = os.cpus();
    console.log(
      `Web list benchmark, ${new Date().toISOString()}\n` +
        `node ${process.version}, Chromium ${browser.version()} (headless), ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GiB; database ${BENCH_DATABASE} (${initiatives} initiatives); API and web app at ${baseUrl}\n` +
        `${WARMUP_TRIES} warm-up and ${TRIES} measured tries; Chromium, the API and PostgreSQL share the machine\n` +
        `load average at start: ${loadAverage()}\n`,
    );
    const { context, page, problems } = await signedInPage(browser, baseUrl, LIST_PATH);
    const cdp = await context.newCDPSession(page);
    const samples = Object.fromEntries(KINDS.map((kind) => [kind, [] as Sample[]])) as Record<Kind, Sample[]>;
    let firstVisit: ResourceTiming[] | undefined;

    const navigate = async (emptyCache: boolean, what: string) => {
      if (emptyCache) await cdp.send('Network.clearBrowserCache');
      await page.goto(LIST_PATH);
      const { rowsAt } = await whenRowsShown(page);
      const resources = await resourceTimings(page);
      return { sample: sample(rowsAt!, listRequest(resources, 0, what), 0), resources };
    };
    /** `prepare` (not timed) opens what must be open; `press` is the person's press that changes the filter. */
    const changeFilter = async (what: string, press: () => Promise<void>, prepare?: () => Promise<void>) => {
      await prepare?.();
      await armFilterChange(page);
      await press();
      const { pressedAt, updatedAt } = await whenListUpdated(page);
      return sample(updatedAt! - pressedAt!, listRequest(await resourceTimings(page), pressedAt!, what), pressedAt!);
    };

    for (let i = 0; i < WARMUP_TRIES + TRIES; i++) {
      const status = STATUSES[i % STATUSES.length];
      const department = departments[i % departments.length];
      const tried: Record<Kind, Sample> = {
        'navigation, returning user': (await navigate(false, `try ${i}, returning user`)).sample,
        'filter change: status': await changeFilter(`try ${i}, status ${status}`, () =>
          page.locator(`main label:has(input[type="checkbox"][value="${status}"])`).click(),
        ),
        'navigation, empty cache': await navigate(true, `try ${i}, empty cache`).then(
          ({ sample: measured, resources }) => {
            firstVisit ??= i >= WARMUP_TRIES ? resources : undefined;
            return measured;
          },
        ),
        'filter change: lead department': await changeFilter(
          `try ${i}, lead department ${department}`,
          () => page.getByRole('option', { name: department, exact: true }).click(),
          async () => {
            await page.getByRole('button', { name: LEAD_DEPARTMENT_LABEL }).click();
            await page.getByRole('option', { name: department, exact: true }).waitFor();
          },
        ),
      };
      if (problems.length) throw new Error(`Try ${i} went wrong in the browser:\n  ${problems.join('\n  ')}`);
      const label = i < WARMUP_TRIES ? `warm-up ${i + 1}` : `try ${i - WARMUP_TRIES + 1}`;
      console.log(
        `  ${label.padEnd(10)} ${KINDS.map((kind) => `${kind.replace(/^.*?(, |: )/, '')} ${fixed(tried[kind].page)}/${fixed(tried[kind].api)}`).join(' | ')} (page/API ms)`,
      );
      if (i >= WARMUP_TRIES) for (const kind of KINDS) samples[kind].push(tried[kind]);
    }

    const token = await benchToken(config);
    const fromNode = {} as Record<Kind, number[]>;
    for (const kind of KINDS) fromNode[kind] = await timeFromNode([...new Set(samples[kind].map((s) => s.url))], token);
    reportTimes(samples, fromNode);
    reportJavaScript(firstVisit!);
    console.log(`Load average at the end: ${loadAverage()}`);
  } finally {
    await close();
  }
}

runBenchmark(main);
