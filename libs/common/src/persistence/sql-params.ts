/** Adds a bind parameter to a statement being composed and answers its placeholder (`$3`). */
export type SqlParam = (value: unknown) => string;

/** Positional parameters for one statement: `param(value)` pushes the value and answers its placeholder. */
export function sqlParams(): { values: unknown[]; param: SqlParam } {
  const values: unknown[] = [];
  return { values, param: (value) => (values.push(value), `$${values.length}`) };
}
