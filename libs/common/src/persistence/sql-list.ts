/** A vocabulary as SQL string literals, `'a', 'b'`, for the CHECK constraints that keep a column to it. */
export const sqlList = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');
