import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '#common';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// Calendar dates stay 'YYYY-MM-DD' strings: node-postgres would turn them into midnight in the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** The one description of the database, used by the API, the worker, the migration CLI and the tests. */
export function dataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    extra: { max: config.DATABASE_POOL_SIZE, application_name: 'samla' },
  };
}
