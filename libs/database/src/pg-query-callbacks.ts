import pg from 'pg';

type QueryMethod = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;
type QueryConfigLike = { submit?: unknown; callback?: unknown } | string | null | undefined;

const INSTALLED = Symbol.for('samla.pg.queryThroughCallbacks');
const prototype = pg.Client.prototype as unknown as { query: QueryMethod; [INSTALLED]?: true };

/**
 * Makes pg's `Client#query` without a callback (how TypeORM calls it) run as a query with one, wrapped in a promise.
 * pg's own promise form left every answer's rows alive past the next young-generation collection, for reasons in
 * pg or V8 not pinned down: each collection promoted about 2.4 MB and took 8 ms instead of 2, and the collector cost
 * a list request 0.7–0.9 ms of its 3.7–4.1 ms CPU, 0.2–0.4 ms with callbacks (bench/README.md, "Where the list
 * request's CPU goes"). The answer, the errors and their stack (leading back to the caller, as pg makes it) stay
 * pg's. Once per process.
 */
export function queryThroughCallbacks(): void {
  if (prototype[INSTALLED]) return;
  const query = prototype.query;
  prototype.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown): unknown {
    const given = config as QueryConfigLike;
    // Anything pg answers without a promise of its own (a callback given, a query object, no query) goes to pg as is.
    if (
      given == null ||
      callback ||
      typeof values === 'function' ||
      (typeof given === 'object' && (typeof given.submit === 'function' || given.callback))
    )
      return query.call(this, config, values, callback);
    return new Promise((resolve, reject) => {
      query.call(this, config, values, (error: Error | null, result: unknown) =>
        error ? reject(error) : resolve(result),
      );
    }).catch((error: unknown) => {
      // As pg does: the stack leads back to the caller rather than to the socket that read the error.
      if (error instanceof Error) Error.captureStackTrace(error);
      throw error;
    });
  };
  prototype[INSTALLED] = true;
}

/** Whether queryThroughCallbacks is in force in this process. */
export function queriesRunThroughCallbacks(): boolean {
  return prototype[INSTALLED] === true;
}
