// Plain JS: runs before any transform. Removes databases left by an earlier, interrupted run; each test file
// then gets a fresh copy of the migrated template (see libs/database/src/testing/test-database.ts).
import pg from 'pg';

export default async function globalSetup() {
  process.env.DATABASE_URL ??= 'postgres://samla:samla@127.0.0.1:5433/samla';
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'samla\\_test\\_%'`);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
