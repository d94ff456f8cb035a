import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '#common';
import { DevelopmentIssuer } from '#identity';

/** The benchmark's own database: the generator drops and refills it, so it must never be the one people work in. */
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'samla_bench';

/** Where the benchmark's database is dropped and created from: DATABASE_URL, as the tests do. */
export const ADMIN_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://samla:samla@127.0.0.1:5433/samla';

/** DATABASE_URL with its database swapped for the benchmark's. */
export function benchDatabaseUrl(): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
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
 * A bearer token for the leadership role (reads the whole portfolio) from the development issuer, whose key file the
 * API started by a runner reads too. Such an API runs with RATE_LIMIT_PER_MINUTE=0: a runner is one user.
 */
export function benchToken(config: AppConfig): Promise<string> {
  return new DevelopmentIssuer(new ConfigService(config)).sign({ role: 'leadership', name: 'Benchmark' });
}
