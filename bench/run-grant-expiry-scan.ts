/**
 * Times the alert scans on the benchmark portfolio the way the worker runs them (AlertScansService.runAll in a Nest
 * application context of AlertScansModule and DatabaseModule) against a floor: the very statements that run
 * issued, recorded by a TypeORM logger and replayed over one bare `pg` connection. Prints both per scan and in
 * total, and their ratio. Needs the portfolio from generate-portfolio.ts with BENCH_FUNDING_LINES=100000 (issue 17
 * asks for 1000000 as well).
 *
 *   npm run bench:grant-expiry-scan   (BENCH_REPEATS measured rounds, default 5; BENCH_EXPLAIN=1 prints the plans)
 */
import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource, Logger } from 'typeorm';
import { AlertScansModule, AlertScansService, type ScanCounts } from '#alerts';
import { CommonModule } from '#common';
import { DatabaseModule, SESSION_OPTIONS } from '#database';
import { ENTITIES } from '#schema';
import { BENCH_DATABASE, benchDatabaseUrl, runBenchmark } from './bench-database.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
/** The sizes the issues ask for: 100,000 lines (5 an initiative) and a million (50 an initiative). */
const EXPECTED_FUNDING_LINES = [100_000, 1_000_000];
const AIM = { seconds: 10, ratio: 1.5 };

/**
 * The generator's fixed "today", the same day again, and three months on: across the year end, so next year's
 * funding gaps turn critical, this year's resolve, and grants climb the ladder or run out.
 */
const PHASES = [
  { name: 'first run, no alerts yet', asOf: '2026-11-01' },
  { name: 'same day again', asOf: '2026-11-01' },
  { name: 'three months later', asOf: '2027-02-01' },
] as const;

type Statement = { sql: string; params: unknown[] };
/** One scan's transaction, as the code ran it. */
type ScanRun = { name: string; statements: Statement[] };
/** One phase of one side, in ms; counts are runAll's total on the code side and one per scan on the floor. */
type Timing = { scans: number[]; total: number; counts: ScanCounts[] };
type Round = { code: Timing[]; floor: Timing[] };

/** Records every statement TypeORM sends, with the moment it was sent; costs one array push per statement. */
class StatementRecorder implements Logger {
  recording = false;
  readonly sent: (Statement & { at: number })[] = [];

  logQuery(sql: string, parameters?: unknown[]) {
    if (this.recording) this.sent.push({ sql, params: parameters ?? [], at: performance.now() });
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

class GrantExpiryScanBench {}

/** What the worker assembles for the scans, without its queues, health check and logger. */
function benchModule(): DynamicModule {
  return {
    module: GrantExpiryScanBench,
    imports: [CommonModule.forRoot(), DatabaseModule.forRoot(ENTITIES), AlertScansModule],
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const sumCounts = (counts: ScanCounts[]): ScanCounts =>
  counts.reduce(
    (t, c) => ({
      raised: t.raised + c.raised,
      escalated: t.escalated + c.escalated,
      resolved: t.resolved + c.resolved,
    }),
    {
      raised: 0,
      escalated: 0,
      resolved: 0,
    },
  );

/**
 * Both sides start from the same empty tables. Statistics are taken by the runner, not by autovacuum at random. The
 * webhook outbox goes too: every raised grant or funding alert writes an event to it (tr_alerts_webhook_raised), and
 * left to grow over the rounds (and with the generator's million funding-line events) each insert into its random
 * uuid index got slower round by round, for both sides alike.
 */
async function resetAlerts(database: pg.Client) {
  await database.query('TRUNCATE alerts, webhook_events CASCADE');
  await database.query('ANALYZE alerts');
}

/** The code path: one runAll per phase, split into scans at each scan's START TRANSACTION. */
async function runCode(service: AlertScansService, recorder: StatementRecorder, database: pg.Client) {
  await resetAlerts(database);
  const timings: Timing[] = [];
  const captured: ScanRun[][] = [];
  for (const phase of PHASES) {
    recorder.sent.length = 0;
    recorder.recording = true;
    const started = performance.now();
    const total = await service.runAll(phase.asOf);
    const finished = performance.now();
    recorder.recording = false;

    const runs: ScanRun[] = [];
    const starts: number[] = [];
    for (const { sql, params, at } of recorder.sent) {
      if (sql === 'START TRANSACTION') {
        runs.push({ name: service.names[runs.length] ?? `transaction ${runs.length + 1}`, statements: [] });
        starts.push(at);
      }
      if (runs.length === 0)
        throw new Error(
          `runAll sent "${sql.slice(0, 60)}" outside a transaction; the runner cannot split it into scans`,
        );
      runs[runs.length - 1].statements.push({ sql, params });
    }
    if (runs.length !== service.names.length)
      throw new Error(`runAll ran ${runs.length} transactions for ${service.names.length} scans`);
    timings.push({
      scans: starts.map((at, i) => (starts[i + 1] ?? finished) - at),
      total: finished - started,
      counts: [total],
    });
    captured.push(runs);
    await database.query('ANALYZE alerts');
  }
  return { timings, captured };
}

/** The floor: the same statements, parameters and transactions, one after the other on a bare connection. */
async function runFloor(captured: ScanRun[][], database: pg.Client) {
  await resetAlerts(database);
  const timings: Timing[] = [];
  for (const runs of captured) {
    const scans: number[] = [];
    const counts: ScanCounts[] = [];
    const started = performance.now();
    for (const run of runs) {
      const scanStarted = performance.now();
      for (const { sql, params } of run.statements) {
        const { rows } = await database.query(sql, params);
        if (rows.length === 1 && 'raised' in rows[0]) counts.push(rows[0] as ScanCounts);
      }
      scans.push(performance.now() - scanStarted);
    }
    timings.push({ scans, total: performance.now() - started, counts });
    await database.query('ANALYZE alerts');
  }
  return timings;
}

/** The plan of each scan's work statement on the first phase, in a transaction that is rolled back. */
async function explain(captured: ScanRun[][], database: pg.Client) {
  await resetAlerts(database);
  for (const run of captured[0]) {
    const work = run.statements.find((s) => s.sql.includes('INSERT INTO alerts'));
    if (!work) continue;
    await database.query('BEGIN');
    // The transaction's settings (the scans' work_mem) as the scan had them.
    for (const { sql, params } of run.statements.filter((s) => s.sql.startsWith('SET LOCAL')))
      await database.query(sql, params);
    const { rows } = await database.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${work.sql}`,
      work.params,
    );
    await database.query('ROLLBACK');
    console.log(`\n--- ${run.name} (${PHASES[0].asOf}) ---\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}

function report(names: string[], rounds: Round[]) {
  const ms = (n: number) => (n < 100 ? n.toFixed(1) : n.toFixed(0));
  const lines = [
    '| phase | scan | code ms | floor ms | code/floor | raised | escalated | resolved |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  let worstTotal = 0;
  let worstRatio = 0;
  PHASES.forEach((phase, p) => {
    // The counts are the same in every round (checked as they come in).
    const counts = rounds[0].floor[p].counts;
    names.forEach((name, s) => {
      const code = median(rounds.map((r) => r.code[p].scans[s]));
      const floor = median(rounds.map((r) => r.floor[p].scans[s]));
      const c = counts[s];
      lines.push(
        `| ${s === 0 ? `${phase.name} (${phase.asOf})` : ''} | ${name} | ${ms(code)} | ${ms(floor)} | ${(code / floor).toFixed(2)} | ${c.raised} | ${c.escalated} | ${c.resolved} |`,
      );
    });
    const code = median(rounds.map((r) => r.code[p].total));
    const floor = median(rounds.map((r) => r.floor[p].total));
    const c = sumCounts(counts);
    lines.push(
      `| | **runAll** | **${ms(code)}** | **${ms(floor)}** | **${(code / floor).toFixed(2)}** | ${c.raised} | ${c.escalated} | ${c.resolved} |`,
    );
    worstTotal = Math.max(worstTotal, code);
    worstRatio = Math.max(worstRatio, code / floor);
  });
  console.log(`\nMedians of ${rounds.length} rounds:\n\n${lines.join('\n')}\n`);
  for (const [p, phase] of PHASES.entries()) {
    const spread = (side: 'code' | 'floor') => rounds.map((r) => ms(r[side][p].total)).join(', ');
    console.log(`runAll ${phase.name}, every round: code ${spread('code')} ms; floor ${spread('floor')} ms`);
  }
  const met = worstTotal < AIM.seconds * 1000 && worstRatio <= AIM.ratio;
  console.log(
    `\nAim: runAll under ${AIM.seconds} s and within ${AIM.ratio}× of the floor in every phase. ` +
      `Slowest runAll ${(worstTotal / 1000).toFixed(2)} s, highest ratio ${worstRatio.toFixed(2)}: ${met ? 'met' : 'NOT met'}.`,
  );
}

function sameWork(side: string, timings: Timing[], reference: Timing[]) {
  timings.forEach((t, p) => {
    const got = sumCounts(t.counts);
    const want = sumCounts(reference[p].counts);
    if (!isDeepStrictEqual(got, want)) {
      throw new Error(
        `${PHASES[p].name}: ${side} counted ${JSON.stringify(got)}, the first code run ${JSON.stringify(want)}; the sides did not do the same work`,
      );
    }
  });
}

async function main() {
  process.env.DATABASE_URL = benchDatabaseUrl();
  const database = new pg.Client({ connectionString: benchDatabaseUrl(), options: SESSION_OPTIONS });
  await database.connect();
  const app = await NestFactory.createApplicationContext(benchModule(), { logger: false });
  try {
    const [{ lines, version }] = (
      await database.query<{ lines: number; version: string }>(
        `SELECT (SELECT count(*)::int FROM funding_lines) AS lines, current_setting('server_version') AS version`,
      )
    ).rows;
    if (lines === 0)
      throw new Error(
        `${BENCH_DATABASE} holds no benchmark portfolio: run BENCH_FUNDING_LINES=100000 npm run bench:generate first`,
      );
    const cpus = os.cpus();
    console.log(
      `Grant expiry scan benchmark, ${new Date().toISOString()}\n` +
        `node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
        `PostgreSQL ${version}, database ${BENCH_DATABASE} with ${lines} funding lines` +
        `${EXPECTED_FUNDING_LINES.includes(lines) ? '' : ` (the issues ask for ${EXPECTED_FUNDING_LINES.join(' or ')}: BENCH_FUNDING_LINES=${EXPECTED_FUNDING_LINES[0]} npm run bench:generate)`}\n` +
        `${REPEATS} rounds after one warm-up, code and floor alternating who goes first\n` +
        `load average at start: ${os
          .loadavg()
          .map((n) => n.toFixed(2))
          .join(', ')}\n`,
    );

    const recorder = new StatementRecorder();
    app.get<DataSource>(getDataSourceToken()).setOptions({ logger: recorder });
    const service = app.get(AlertScansService);
    // Autovacuum would analyze alerts at moments that differ between the sides; the runner analyzes after each phase.
    await database.query('ALTER TABLE alerts SET (autovacuum_enabled = off)');

    const warmUp = await runCode(service, recorder, database);
    const { captured } = warmUp;
    await runFloor(captured, database);
    if (EXPLAIN) await explain(captured, database);

    const rounds: Round[] = [];
    for (let round = 0; round < REPEATS; round++) {
      const measureCode = async () => {
        const run = await runCode(service, recorder, database);
        if (!isDeepStrictEqual(run.captured, captured))
          throw new Error('runAll sent other statements than in the warm-up; the floor would not match it');
        return run.timings;
      };
      // Alternating who goes first spreads any drift (caches, other work on the machine) over both sides.
      let code: Timing[];
      let floor: Timing[];
      if (round % 2 === 0) {
        code = await measureCode();
        floor = await runFloor(captured, database);
      } else {
        floor = await runFloor(captured, database);
        code = await measureCode();
      }
      const result = { code, floor };
      sameWork('code', result.code, warmUp.timings);
      sameWork('floor', result.floor, warmUp.timings);
      rounds.push(result);
      console.log(
        `  round ${round + 1}: runAll ${result.code.map((t) => (t.total / 1000).toFixed(2)).join(' / ')} s, ` +
          `floor ${result.floor.map((t) => (t.total / 1000).toFixed(2)).join(' / ')} s`,
      );
    }
    report(service.names, rounds);
    console.log(
      `Load average at the end: ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(', ')}`,
    );
  } finally {
    await database.query('ALTER TABLE alerts RESET (autovacuum_enabled)').catch(() => undefined);
    await app.close();
    await database.end();
  }
}

runBenchmark(main);
