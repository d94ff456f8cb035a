import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** Every statement the app sends to PostgreSQL while `act` runs, counted where node-postgres sends it. */
export async function statementsDuring(ds: DataSource, act: () => Promise<unknown>): Promise<string[]> {
  const client: { query: (...args: unknown[]) => unknown } = (ds.driver as PostgresDriver).postgres.Client.prototype;
  const original = client.query;
  const statements: string[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const [query] = args;
    statements.push(typeof query === 'string' ? query : String((query as { text?: unknown }).text));
    return original.apply(this, args);
  };
  try {
    await act();
    return statements;
  } finally {
    client.query = original;
  }
}
