import type { Actor } from '#identity';
import { SUPPRESSION_THRESHOLD } from './indicator.vocabulary.js';

/** The figures of a value that could identify a small group. */
export type Figures = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  persons: number | null;
};

/**
 * Small counts are seen by admins and by the indicator's owning department (who collected them); every other viewer,
 * auditors and the leadership group included, sees them suppressed.
 */
export function maySeeSmallCounts(actor: Actor, owningDepartmentId: string): boolean {
  if (actor.kind !== 'user') return false;
  return actor.roles.includes('admin') || actor.departmentId === owningDepartmentId;
}

/**
 * A value resting on fewer than 5 persons loses its figures (value, numerator, denominator and the count itself)
 * unless the viewer may see small counts. A value without a persons count is not judged: it rests on a population
 * (a Kolada KPI, a survey), not on a count we hold.
 */
export function suppressed<T extends Figures>(point: T, visible: boolean): T & { suppressed: boolean } {
  const small = point.persons !== null && point.persons < SUPPRESSION_THRESHOLD;
  if (!small || visible) return { ...point, suppressed: false };
  return { ...point, value: null, numerator: null, denominator: null, persons: null, suppressed: true };
}
