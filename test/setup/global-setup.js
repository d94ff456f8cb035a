// Plain JS: runs before any transform. Removes databases left by an earlier, interrupted run and the migrated
// template, so this run builds it afresh from the current migrations (see libs/database/src/testing/test-database.ts).
// Without FORCE, and under the template's advisory lock: a database that another run is using right now stays.
import pg from 'pg';

const TEMPLATE_LOCK = 4_711_001;

/** Test databases carry their creator's process id (`samla_test_<pid>_<hex>`); templates and older names do not. */
function createdByLiveProcess(datname) {
  const pid = /^samla_test_(\d+)_/.exec(datname)?.[1];
  if (pid === undefined) return false;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM'; // alive, someone else's
  }
}

export default async function globalSetup() {
  process.env.DATABASE_URL ??= 'postgres://samla:samla@127.0.0.1:5433/samla';
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'samla\\_test\\_%'`);
    for (const { datname } of rows.filter(({ datname }) => !createdByLiveProcess(datname))) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch((error) => {
        if (error.code !== '55006') throw error; // object_in_use: another run's database
      });
    }
  } finally {
    await client.end();
  }
}
