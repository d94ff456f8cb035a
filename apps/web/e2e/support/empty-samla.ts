import pg from 'pg';
import { ApiProcess, TestDatabase } from './global-setup';

/**
 * What a municipality sets up before it imports its initiatives, and what an import resolves names and codes against:
 * departments, the goal tree, target groups and districts. In an order where nothing refers to a table not yet copied.
 */
const REFERENCE_TABLES = ['departments', 'goals', 'target_groups', 'districts'] as const;

export type EmptySamla = {
  /** `http://127.0.0.1:<port>`: its API and web app. */
  baseUrl: string;
  /** Stops its API and drops its database. */
  stop: () => Promise<void>;
};

/**
 * A second, empty Samla for one test file: a database of its own, migrated, holding the reference data of the Samla
 * at `referenceFrom` (the tests' own database: same rows, same ids) and no initiatives, funding or anything else; and
 * the same built API and web app on it, on a free port. Call `stop` in afterAll. Should the test process end first,
 * the API is killed and the database dropped on the way out, as global-setup does for the tests' own.
 */
export async function startEmptySamla(referenceFrom: string): Promise<EmptySamla> {
  const database = await TestDatabase.create();
  let api: ApiProcess | undefined;
  const abandon = () => {
    api?.killNow();
    database.dropNow();
  };
  process.once('exit', abandon);
  const stop = async () => {
    process.off('exit', abandon);
    await api?.stop();
    await database.drop();
  };
  try {
    await database.migrate();
    await copyReferenceData(referenceFrom, database.url);
    api = await ApiProcess.start({ DATABASE_URL: database.url });
    await api.whenReady();
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: api.baseUrl, stop };
}

/** Every row of the reference tables, as they are (ids included), one statement a table. */
async function copyReferenceData(fromUrl: string, toUrl: string) {
  const from = new pg.Client({ connectionString: fromUrl, connectionTimeoutMillis: 5_000 });
  const to = new pg.Client({ connectionString: toUrl, connectionTimeoutMillis: 5_000 });
  try {
    await Promise.all([from.connect(), to.connect()]);
    for (const table of REFERENCE_TABLES) {
      const { rows } = await from.query<{ rows: unknown[] }>(
        `SELECT COALESCE(json_agg(t), '[]'::json) AS rows FROM ${table} t`,
      );
      // One statement: a row may refer to another of the same table (a unit to its administration, a goal to its parent).
      await to.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [
        JSON.stringify(rows[0]!.rows),
      ]);
    }
  } finally {
    await Promise.allSettled([from.end(), to.end()]);
  }
}
