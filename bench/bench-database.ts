import { spawn, type ChildProcess } from 'node:child_process';
import { ConfigService } from '@nestjs/config';
import pg from 'pg';
import type { AppConfig } from '#common';
import { DevelopmentIssuer } from '#identity';

/** The benchmark's own database: the generator drops and refills it, so it must never be the one people work in. */
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'samla_bench';

/** Where the benchmark's database is dropped and created from: DATABASE_URL, as the tests do. */
export const ADMIN_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://samla:samla@127.0.0.1:5433/samla';

/** DATABASE_URL with its database swapped for `database` (default the benchmark's). */
export function benchDatabaseUrl(database = BENCH_DATABASE): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drops and creates a benchmark's database beside DATABASE_URL's; refuses to drop the one people work in. */
export async function recreateDatabase(database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database) || new URL(ADMIN_DATABASE_URL).pathname === `/${database}`) {
    throw new Error(`Refusing to drop "${database}": the benchmark needs a database of its own`);
  }
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
}

/** The built API on `port` against `databaseUrl`, silent and without a rate limit; keeps its last output for errors. */
export function startApi(databaseUrl: string, port: number): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [new URL('../apps/api/src/main.js', import.meta.url).pathname], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, output: () => output };
}

/**
 * Rows the generator always writes and the runner's typical queries name, so the queries hit data of a known
 * shape: the largest administration, a committee that leads few initiatives (its page costs the database
 * little, so what the API adds around the SQL shows), the first roadmap priority area and a word common in the
 * summaries.
 */
export const TYPICAL = {
  leadDepartmentCode: 'ASF',
  smallDepartmentCode: 'MHN',
  priorityAreaCode: 'FP-1',
  searchWord: 'trygghet',
} as const;

/**
 * A runner's entry point: exits 0 when `main` is done and 1 with its message when it fails; Ctrl-C exits too, so the
 * runner's 'exit' handlers stop the servers it started.
 */
export function runBenchmark(main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

/**
 * A bearer token from the development issuer, whose key file the API started by a runner reads too: the leadership
 * role (reads the whole portfolio) unless told. Such an API runs with RATE_LIMIT_PER_MINUTE=0: a runner is one user.
 */
export function benchToken(config: AppConfig, role: 'leadership' | 'admin' = 'leadership'): Promise<string> {
  return new DevelopmentIssuer(new ConfigService(config)).sign({ role, name: 'Benchmark' });
}
