import { ValidationProblem } from '../problem-details/problem.js';

export type SortColumn = { column: string; direction: 'ASC' | 'DESC' };

/**
 * Parses `sort=title,-startDate` against an allow-list mapping API names to SQL expressions, so a client can
 * never sort by (or inject) anything else. The caller adds a unique tie-breaker for stable paging.
 */
export function parseSort(value: string | undefined, allowed: Record<string, string>, fallback: string): SortColumn[] {
  const parts = (value ?? fallback)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const bad = parts.filter((p) => !(p.replace(/^-/, '') in allowed));
  if (bad.length > 0) {
    throw new ValidationProblem([
      {
        field: 'sort',
        message: `unknown sort key ${bad.join(', ')}; use ${Object.keys(allowed).join(', ')} (prefix - for descending)`,
      },
    ]);
  }
  return parts.map((p) => ({ column: allowed[p.replace(/^-/, '')], direction: p.startsWith('-') ? 'DESC' : 'ASC' }));
}
