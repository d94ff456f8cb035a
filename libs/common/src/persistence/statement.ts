/**
 * Typed raw SQL (CONTRIBUTING.md, "SQL"; docs/adr/0005-typed-sql.md). TypeORM's `query` answers `any`, so every caller
 * used to cast its rows, each in its own way, far from the SQL whose column aliases decide them. A `Statement<Row>`
 * carries the row type beside its SQL, in the context's `<name>.sql.ts`; `queryRows` and its siblings run it and
 * answer that type, so a service never casts. The type is a declaration, not a check: the specs that run a statement
 * are what prove its aliases match it.
 */

declare const rowType: unique symbol;

/** SQL and the type of the rows it answers. `Row` lives in the type only (a phantom field), nothing is stored. */
export type Statement<Row> = { readonly sql: string; readonly [rowType]?: Row };

/** A statement built for one call, with its bind parameters (the builders of filtered reads answer these). */
export type BoundStatement<Row> = Statement<Row> & { readonly params: readonly unknown[] };

/** Declares a statement: `statement<{ id: string }>('SELECT id FROM …')`. */
export function statement<Row>(sql: string): Statement<Row> {
  return { sql };
}

/** A statement and the parameters of one call, e.g. from a builder that composes its WHERE clause from filters. */
export function bound<Row>(sql: string, params: readonly unknown[]): BoundStatement<Row> {
  return { sql, params };
}

/** What runs SQL: a DataSource, an EntityManager (a transaction's too) or a QueryRunner. */
export type SqlRunner = { query(sql: string, parameters?: unknown[]): Promise<unknown> };

/** The rows of a SELECT, or of an INSERT, UPDATE or DELETE … RETURNING. */
export async function queryRows<Row>(runner: SqlRunner, s: BoundStatement<Row>): Promise<Row[]>;
export async function queryRows<Row>(runner: SqlRunner, s: Statement<Row>, params?: readonly unknown[]): Promise<Row[]>;
export async function queryRows<Row>(
  runner: SqlRunner,
  s: Statement<Row> | BoundStatement<Row>,
  params?: readonly unknown[],
): Promise<Row[]> {
  const raw = await runner.query(s.sql, [...(params ?? ('params' in s ? s.params : []))]);
  return rowsOf(raw) as Row[];
}

/** The first row, or undefined when there is none (a lookup by key). */
export async function queryRow<Row>(runner: SqlRunner, s: BoundStatement<Row>): Promise<Row | undefined>;
export async function queryRow<Row>(
  runner: SqlRunner,
  s: Statement<Row>,
  params?: readonly unknown[],
): Promise<Row | undefined>;
export async function queryRow<Row>(
  runner: SqlRunner,
  s: Statement<Row> | BoundStatement<Row>,
  params?: readonly unknown[],
): Promise<Row | undefined> {
  const [row] = await queryRows(runner, s, params);
  return row;
}

/**
 * The one row of a statement that always answers exactly one (an aggregate, `SELECT EXISTS`, a single-row CTE);
 * none is a bug in the statement, so it throws rather than leave every caller to handle an impossible case.
 */
export async function queryOne<Row>(runner: SqlRunner, s: BoundStatement<Row>): Promise<Row>;
export async function queryOne<Row>(runner: SqlRunner, s: Statement<Row>, params?: readonly unknown[]): Promise<Row>;
export async function queryOne<Row>(
  runner: SqlRunner,
  s: Statement<Row> | BoundStatement<Row>,
  params?: readonly unknown[],
): Promise<Row> {
  const [row] = await queryRows(runner, s, params);
  if (row === undefined) throw new Error(`A statement that answers one row answered none: ${s.sql.slice(0, 80)}`);
  return row;
}

/** A statement run for its effect (DDL, a lock, a write without RETURNING); answers the rows it changed where Postgres says. */
export async function execute(
  runner: SqlRunner,
  s: Statement<unknown>,
  params: readonly unknown[] = [],
): Promise<number | undefined> {
  const raw = await runner.query(s.sql, [...params]);
  return isUpdateResult(raw) ? raw[1] : undefined;
}

/**
 * TypeORM's Postgres driver answers UPDATE and DELETE with `[rows, affected]` and every other command with the rows.
 * A row is never an array (pg answers objects), so the pair is told apart by its shape.
 */
function rowsOf(raw: unknown): unknown[] {
  if (isUpdateResult(raw)) return raw[0];
  if (!Array.isArray(raw))
    throw new Error("The runner answered no rows: give queryRows a runner whose query answers them (TypeORM's does)");
  return raw;
}

function isUpdateResult(raw: unknown): raw is [unknown[], number] {
  return Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number';
}
