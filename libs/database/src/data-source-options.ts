import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '#common';
import { MIGRATIONS } from './migrations/index.js';
import { queryThroughCallbacks } from './pg-query-callbacks.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// Calendar dates stay 'YYYY-MM-DD' strings: node-postgres would turn them into midnight in the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// TypeORM's queries through pg's callbacks: its promise form kept the rows past young-generation collections.
queryThroughCallbacks();

/**
 * Settings of every Samla session. JIT off: Samla's statements are short reads and writes, and the planner
 * overestimates its recursive goal walks by ten to a hundred times, which made PostgreSQL spend seconds compiling a
 * query that runs in a fraction of one (bench/README.md, "Portfolio review": 6.9 s of readiness's 8.2 s was JIT).
 * random_page_cost 1.1 (PostgreSQL's default of 4 assumes spinning disks): a municipality's portfolio is read from
 * memory, and at 4 the planner read every followed initiative's facts row by row from the table rather than from their
 * covering index (the summary 26 -> 20 ms, readiness 28 -> 25 ms at 20,000 initiatives; the list's queries and the
 * alert scans at a million funding lines the same or faster: bench/README.md). The benchmarks' bare floors connect
 * with the same settings.
 */
export const SESSION_OPTIONS = '-c jit=off -c random_page_cost=1.1';

/**
 * The one description of the database, used by the API, the worker, the migration CLI and the tests. The entities
 * come from above (#schema gathers every context's); running the migrations needs none.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    extra: { max: config.DATABASE_POOL_SIZE, application_name: 'samla', options: SESSION_OPTIONS },
  };
}
