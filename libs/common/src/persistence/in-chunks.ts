/** Rows per multi-row INSERT: well inside PostgreSQL's 65,535 parameters for a table of a few dozen columns. */
const INSERT_CHUNK = 500;

/** `items` in runs of at most `size`, for multi-row statements of bounded size. */
export function inChunks<T>(items: T[], size = INSERT_CHUNK): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
