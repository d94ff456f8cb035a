import pg from 'pg';
// Importing the data source options installs it, as for the API, the worker and the tests.
import './data-source-options.js';
import { queriesRunThroughCallbacks, queryThroughCallbacks } from './pg-query-callbacks.js';

describe('queryThroughCallbacks', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({
      connectionString: process.env.DATABASE_URL ?? 'postgres://samla:samla@127.0.0.1:5433/samla',
    });
    await client.connect();
  });
  afterAll(() => client.end());

  it('is in force once the data source options are loaded, and installing it again changes nothing', () => {
    expect(queriesRunThroughCallbacks()).toBe(true);
    const queryOf = () => Object.getOwnPropertyDescriptor(pg.Client.prototype, 'query')?.value as unknown;
    const query = queryOf();
    queryThroughCallbacks();
    expect(queryOf()).toBe(query);
  });

  it('answers a query without a callback as pg does: a promise of the result', async () => {
    const result = await client.query<{ n: number; day: string }>('SELECT $1::int AS n, $2::date AS day', [
      2,
      '2026-12-06',
    ]);
    expect(result.rows).toEqual([{ n: 2, day: '2026-12-06' }]);
    expect(result).toMatchObject({ command: 'SELECT', rowCount: 1 });
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('rejects with pg’s error, its stack leading away from the socket', async () => {
    const error: unknown = await client.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pg.DatabaseError);
    expect(error).toMatchObject({ code: '42P01' });
    expect((error as Error).stack).not.toContain('onStreamRead');
  });

  it('leaves queries with a callback to pg', async () => {
    const rows = await new Promise<unknown[]>((resolve, reject) =>
      client.query('SELECT 3 AS n', (error, result) => (error ? reject(error) : resolve(result.rows))),
    );
    expect(rows).toEqual([{ n: 3 }]);
  });
});
