import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { DEPARTMENT_BY_CODE_SQL } from '../../libs/identity/src/departments.sql.js';
import { USER_DEPARTMENT_SQL } from '../../libs/identity/src/users/users.sql.js';

/** The sign-in's department look-ups: UsersService keeps their answers seconds, so whether one is sent varies. */
const SIGN_IN_LOOKUPS = new Set([DEPARTMENT_BY_CODE_SQL.sql, USER_DEPARTMENT_SQL.sql]);

/**
 * Every statement the app sends to PostgreSQL while `act` runs, counted where node-postgres sends it, but for the
 * sign-in's department look-ups.
 */
export async function statementsDuring(ds: DataSource, act: () => Promise<unknown>): Promise<string[]> {
  const client: { query: (...args: unknown[]) => unknown } = (ds.driver as PostgresDriver).postgres.Client.prototype;
  const original = client.query;
  const statements: string[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const [query] = args;
    const text = typeof query === 'string' ? query : String((query as { text?: unknown }).text);
    if (!SIGN_IN_LOOKUPS.has(text)) statements.push(text);
    return original.apply(this, args);
  };
  try {
    await act();
    return statements;
  } finally {
    client.query = original;
  }
}
