import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options.js';
import { MIGRATIONS } from '../migrations/index.js';

// Named after the migrations it holds, so two checkouts testing against one server at once (a branch with a new
// migration beside main) never copy each other's schema.
const TEMPLATE = `samla_test_template_${createHash('sha256')
  .update(MIGRATIONS.map((m) => m.name).join())
  .digest('hex')
  .slice(0, 12)}`;
const TEMPLATE_LOCK = 4_711_001;

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

// Read once: the test app later points DATABASE_URL at its own copy.
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://samla:samla@127.0.0.1:5433/samla';
function baseUrl() {
  return ADMIN_URL;
}

function urlFor(base: string, database: string) {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A database of its own for one test file: a copy of a template migrated once per run, so files run in
 * parallel without seeing each other's rows and without paying for the migrations again.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = baseUrl();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // The creating process's id: another run's global setup drops a copy only once that process is gone
  // (test/setup/global-setup.js), never one created a moment ago that nobody has connected to yet.
  const name = `samla_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
      if (!rowCount) await buildTemplate(admin, adminUrl);
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  } finally {
    await admin.end();
  }
  return {
    name,
    url: urlFor(adminUrl, name),
    // Cleaning up must not fail a test: a database that cannot go now (e.g. autovacuum in it, on a server where the
    // role may not end that) is left for the next run's global setup.
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      try {
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } catch (error) {
        process.emitWarning(`test database ${name} left behind: ${(error as Error).message}`);
      } finally {
        await client.end();
      }
    },
  };
}

async function buildTemplate(admin: pg.Client, adminUrl: string) {
  await admin.query(`CREATE DATABASE "${TEMPLATE}_building"`);
  const dataSource = new DataSource(
    dataSourceOptions({ DATABASE_URL: urlFor(adminUrl, `${TEMPLATE}_building`), DATABASE_POOL_SIZE: 2 }),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  await admin.query(`ALTER DATABASE "${TEMPLATE}_building" RENAME TO "${TEMPLATE}"`);
}
