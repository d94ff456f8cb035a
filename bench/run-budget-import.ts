/**
 * Times the budget system's import (PUT /api/v1/integrations/budget/lines) on the real API against a floor: the same
 * rows loaded with PostgreSQL COPY into a table made LIKE budget_lines (same columns, constraints and indexes).
 * A database of its own is created, migrated and given a realistic coding string (six dimensions, every one with a
 * validated code list); each round sends a year of monthly actuals as one batch of 50,000 lines, three times:
 * into an empty year (all inserted), the same again (all unchanged) and with 10 % of the amounts changed (updated).
 * Prints lines per second for both sides and the ratio.
 *
 *   npm run bench:budget-import    (BENCH_BUDGET_DATABASE, default samla_bench_budget; BENCH_ROUNDS, default 3;
 *                                   BENCH_API_PORT, default 3100)
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { validateEnvironmentOrExit } from '#common';
import { dataSourceOptions, SESSION_OPTIONS } from '#database';
import { DevelopmentIssuer } from '#identity';
import { ConfigService } from '@nestjs/config';
import { benchDatabaseUrl, recreateDatabase, runBenchmark, startApi } from './bench-database.js';

const DATABASE = process.env.BENCH_BUDGET_DATABASE ?? 'samla_bench_budget';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_API_PORT ?? 3100);
const LINES = 50_000;
const CHANGED_SHARE = 0.1;
const AIM_LINES_PER_SECOND = 20_000;
const READY_TIMEOUT_MS = 60_000;
const FIRST_YEAR = 2024;

/**
 * The coding string of a mid-sized municipality: six dimensions, each with a validated code list of the size a
 * Swedish municipality's chart of accounts has. Codes are numeric strings in the budget systems' usual widths;
 * projects look like "P2025-0412". One code in twenty of each list closed before the benchmark's years (never used by
 * the lines), so the validity check has expired codes to tell apart.
 */
const DIMENSIONS = [
  { code: 'ansvar', label: 'Ansvar', codes: 450, format: (i: number) => String(10000 + i * 7) },
  { code: 'verksamhet', label: 'Verksamhet', codes: 300, format: (i: number) => String(1000 + i * 3) },
  { code: 'aktivitet', label: 'Aktivitet', codes: 1200, format: (i: number) => String(100000 + i * 11) },
  {
    code: 'projekt',
    label: 'Projekt',
    codes: 2500,
    format: (i: number) => `P${2019 + (i % 8)}-${String(i).padStart(4, '0')}`,
  },
  { code: 'motpart', label: 'Motpart', codes: 80, format: (i: number) => String(100 + i * 9) },
  { code: 'konto', label: 'Konto', codes: 900, format: (i: number) => String(3000 + i * 7) },
] as const;
type DimensionCode = (typeof DIMENSIONS)[number]['code'];
const EXPIRED_EVERY = 20;

type Line = { kind: 'actual'; period: string; amountSek: number; dimensions: Record<DimensionCode, string> };

/** mulberry32: the same seed draws the same lines. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (n: number) => Math.floor(next() * n) };
}

/** An open code of a dimension (never one of the expired ones). */
function openCode(dimension: (typeof DIMENSIONS)[number], draw: (n: number) => number): string {
  let i = draw(dimension.codes);
  if (i % EXPIRED_EVERY === 0) i = (i + 1) % dimension.codes;
  return dimension.format(i);
}

/**
 * A year of monthly actuals: 4,167 coding strings (projects with their ansvar, verksamhet and aktivitet, booked on a
 * few accounts and counterparties), each with an amount in every month, cut at 50,000 lines (the last string gets
 * eight months). Natural keys are unique: each string is drawn until it is new.
 */
function yearOfActuals(year: number): Line[] {
  const draw = random(year);
  const [ansvar, verksamhet, aktivitet, projekt, motpart, konto] = DIMENSIONS;
  const strings = new Map<string, Record<DimensionCode, string>>();
  const perMonth = Math.ceil(LINES / 12);
  while (strings.size < perMonth) {
    // A project keeps its ansvar, verksamhet and aktivitet; it books on several accounts and counterparties.
    const project = {
      ansvar: openCode(ansvar, draw.pick),
      verksamhet: openCode(verksamhet, draw.pick),
      aktivitet: openCode(aktivitet, draw.pick),
      projekt: openCode(projekt, draw.pick),
    };
    for (let k = 1 + draw.pick(6); k > 0 && strings.size < perMonth; k--) {
      const dims = { ...project, motpart: openCode(motpart, draw.pick), konto: openCode(konto, draw.pick) };
      strings.set(Object.values(dims).join('|'), dims);
    }
  }
  const lines: Line[] = [];
  for (const dimensions of strings.values()) {
    for (let month = 1; month <= 12 && lines.length < LINES; month++) {
      lines.push({
        kind: 'actual',
        period: `${year}-${String(month).padStart(2, '0')}`,
        amountSek: 1000 + draw.pick(400_000) - (draw.next() < 0.03 ? 450_000 : 0),
        dimensions,
      });
    }
  }
  return lines;
}

/** The same lines with every tenth amount changed (the budget system's correction run). */
function withChangedAmounts(lines: Line[]): Line[] {
  const every = Math.round(1 / CHANGED_SHARE);
  return lines.map((line, i) => (i % every === 0 ? { ...line, amountSek: line.amountSek + 1 } : line));
}

/** The rows as COPY's text format, in the table's column order (kind, period, dimensions, amount_sek). */
function copyText(lines: Line[]): Buffer {
  // JSON has no tab or newline outside strings, and codes have no control characters, so only \ needs escaping.
  return Buffer.from(
    lines
      .map((l) => `actual\t${l.period}-01\t${JSON.stringify(l.dimensions).replaceAll('\\', '\\\\')}\t${l.amountSek}\n`)
      .join(''),
  );
}

/**
 * COPY … FROM STDIN on a node-postgres client without another dependency: a "submittable" that pg hands the
 * connection to, as pg-copy-streams does. Resolves with the rows COPY reports.
 */
class CopyIn {
  callback?: unknown;
  private error?: Error;
  private rows = 0;
  readonly done: Promise<number>;
  private settle!: (error: Error | undefined, rows: number) => void;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise(
      (resolve, reject) => (this.settle = (error, rows) => (error ? reject(error) : resolve(rows))),
    );
  }
  submit(connection: { query(text: string): void }) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }) {
    for (let at = 0; at < this.data.length; at += 1 << 16)
      connection.sendCopyFromChunk(this.data.subarray(at, at + (1 << 16)));
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text: string }) {
    this.rows = Number(msg.text.split(' ')[1]);
  }
  handleError(error: Error) {
    this.error = error;
  }
  handleReadyForQuery() {
    this.settle(this.error, this.rows);
  }
}

async function copy(client: pg.Client, table: string, data: Buffer): Promise<number> {
  const copyIn = new CopyIn(`COPY ${table} (kind, period, dimensions, amount_sek) FROM STDIN`, data);
  void client.query(copyIn as never);
  return copyIn.done;
}

/** Drops, creates and migrates the benchmark's own database. */
async function createMigratedDatabase() {
  await recreateDatabase(DATABASE);
  const dataSource = new DataSource(
    dataSourceOptions({ DATABASE_URL: benchDatabaseUrl(DATABASE), DATABASE_POOL_SIZE: 2 }),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

async function call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  }).catch((error: Error) => {
    // fetch says only "fetch failed"; the cause says why (a reset, the API gone).
    throw new Error(`${method} ${path}: ${error.message} (${String(error.cause)})`);
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 800)}`);
  return JSON.parse(text);
}

async function waitUntilAnswering(api: ReturnType<typeof startApi>, auth: Record<string, string>) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline && api.child.exitCode === null) {
    try {
      await call('GET', '/integrations/budget/dimensions', auth);
      return;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The API on port ${PORT} is not answering (${last}):\n${api.output()}`);
}

/** The dimensions and their code lists, through the API as an integrator loads them; one code in twenty expired. */
async function configureCodingString(auth: Record<string, string>) {
  const dimensions = DIMENSIONS.map((d, i) => ({
    code: d.code,
    label: d.label,
    position: i + 1,
    required: true,
    validatesCodes: true,
  }));
  await call('PUT', '/integrations/budget/dimensions', auth, JSON.stringify({ dimensions }));
  for (const d of DIMENSIONS) {
    const codes = Array.from({ length: d.codes }, (_, i) => ({
      code: d.format(i),
      label: `${d.label} ${d.format(i)}`,
      validFrom: '2019-01-01',
      validTo: i % EXPIRED_EVERY === 0 ? '2023-12-31' : null,
    }));
    await call('PUT', `/integrations/budget/dimensions/${d.code}/codes`, auth, JSON.stringify({ codes }));
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

type Phase = {
  name: string;
  lines: (year: number) => Line[];
  expect: { inserted: number; updated: number; unchanged: number };
};
const CHANGED = Math.ceil(LINES * CHANGED_SHARE);
const PHASES: Phase[] = [
  { name: 'first insert', lines: yearOfActuals, expect: { inserted: LINES, updated: 0, unchanged: 0 } },
  { name: 'resend, all unchanged', lines: yearOfActuals, expect: { inserted: 0, updated: 0, unchanged: LINES } },
  {
    name: 'resend, 10 % changed',
    lines: (year) => withChangedAmounts(yearOfActuals(year)),
    expect: { inserted: 0, updated: CHANGED, unchanged: LINES - CHANGED },
  },
];

const perSecond = (lines: number, ms: number) => Math.round(lines / (ms / 1000));
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

async function main() {
  const config = validateEnvironmentOrExit('Budget import benchmark');
  console.log(`Budget import benchmark, ${new Date().toISOString()}: creating and migrating ${DATABASE}`);
  await createMigratedDatabase();
  const client = new pg.Client({ connectionString: benchDatabaseUrl(DATABASE), options: SESSION_OPTIONS });
  await client.connect();
  const api = startApi(benchDatabaseUrl(DATABASE), PORT);
  process.on('exit', () => api.child.exitCode === null && api.child.kill('SIGTERM'));
  try {
    const admin = {
      Authorization: `Bearer ${await new DevelopmentIssuer(new ConfigService(config)).sign({ role: 'admin', name: 'Benchmark' })}`,
    };
    await waitUntilAnswering(api, admin);
    const { key } = (await call(
      'POST',
      '/api-keys',
      admin,
      JSON.stringify({ name: 'Budgetsystemet (benchmark)', scopes: ['budget:write', 'budget:read'] }),
    )) as { key: string };
    const integrator = { 'X-Api-Key': key };
    await configureCodingString(integrator);
    // The floor's table: budget_lines' columns, identity, defaults, constraints and both indexes.
    await client.query('CREATE TABLE budget_lines_copy (LIKE budget_lines INCLUDING ALL)');
    const [{ server_version }] = (
      await client.query<{ server_version: string }>(`SELECT current_setting('server_version') AS server_version`)
    ).rows;
    const cpus = os.cpus();
    console.log(
      `node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, PostgreSQL ${server_version}\n` +
        `coding string: ${DIMENSIONS.map((d) => `${d.code} ${d.codes}`).join(', ')} codes, all validated; ${ROUNDS} rounds of ${LINES} lines a batch\n` +
        `load average at start: ${loadAverage()}\n`,
    );

    const results: { phase: string; apiMs: number[]; floorMs: number[]; apiBytes: number }[] = PHASES.map((p) => ({
      phase: p.name,
      apiMs: [],
      floorMs: [],
      apiBytes: 0,
    }));
    for (let round = 0; round < ROUNDS; round++) {
      // A new year each round: the tables grow by a year of actuals a round, as they would in use.
      const year = FIRST_YEAR + round;
      for (const [p, phase] of PHASES.entries()) {
        const lines = phase.lines(year);
        const body = JSON.stringify({ lines });
        const data = copyText(lines);
        const api = () =>
          call('PUT', '/integrations/budget/lines', { ...integrator, 'Idempotency-Key': randomUUID() }, body);
        // The floor loads the same rows into a table holding the same earlier years (this year's rows removed first).
        const floor = async () => {
          await client.query(`DELETE FROM budget_lines_copy WHERE period BETWEEN $1 AND $2`, [
            `${year}-01-01`,
            `${year}-12-01`,
          ]);
          await client.query('VACUUM ANALYZE budget_lines_copy');
          return timed(() => copy(client, 'budget_lines_copy', data));
        };
        // Who goes first alternates, so drift and other work on the machine fall on both.
        let apiRun: Awaited<ReturnType<typeof timed<unknown>>>;
        let floorRun: Awaited<ReturnType<typeof floor>>;
        if ((round + p) % 2 === 0) {
          apiRun = await timed(api);
          floorRun = await floor();
        } else {
          floorRun = await floor();
          apiRun = await timed(api);
        }
        const counts = apiRun.result as { lines: number; inserted: number; updated: number; unchanged: number };
        const { expect } = phase;
        if (
          counts.lines !== LINES ||
          counts.inserted !== expect.inserted ||
          counts.updated !== expect.updated ||
          counts.unchanged !== expect.unchanged
        ) {
          throw new Error(
            `${phase.name} (${year}): the API answered ${JSON.stringify(counts)}, expected ${JSON.stringify(expect)}`,
          );
        }
        if (floorRun.result !== LINES) throw new Error(`COPY loaded ${floorRun.result} rows, expected ${LINES}`);
        results[p].apiMs.push(apiRun.ms);
        results[p].floorMs.push(floorRun.ms);
        results[p].apiBytes = body.length;
        console.log(
          `  ${year} ${phase.name.padEnd(24)} API ${String(perSecond(LINES, apiRun.ms)).padStart(7)} lines/s (${apiRun.ms.toFixed(0).padStart(5)} ms)` +
            ` | COPY ${String(perSecond(LINES, floorRun.ms)).padStart(7)} lines/s (${floorRun.ms.toFixed(0).padStart(5)} ms)` +
            ` | API/COPY ${(floorRun.ms / apiRun.ms).toFixed(2)}`,
        );
      }
    }

    console.log(
      [
        '',
        `Medians over ${ROUNDS} rounds, ${LINES} lines a batch (request body ${(results[0].apiBytes / 2 ** 20).toFixed(1)} MiB):`,
        '',
        '| batch | API lines/s | COPY lines/s | API/COPY | API ms | COPY ms |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        ...results.map(({ phase, apiMs, floorMs }) => {
          const [a, f] = [median(apiMs), median(floorMs)];
          return `| ${phase} | ${perSecond(LINES, a)} | ${perSecond(LINES, f)} | ${(f / a).toFixed(2)} | ${a.toFixed(0)} | ${f.toFixed(0)} |`;
        }),
        '',
      ].join('\n'),
    );
    const slowest = Math.min(...results.map((r) => perSecond(LINES, median(r.apiMs))));
    console.log(
      `Aim: at least ${AIM_LINES_PER_SECOND} lines/s on the API. Slowest batch kind: ${slowest} lines/s (${slowest >= AIM_LINES_PER_SECOND ? 'met' : 'NOT met'}).`,
    );
    console.log(`Load average at the end: ${loadAverage()}`);
  } finally {
    await client.end();
  }
}

runBenchmark(main);
