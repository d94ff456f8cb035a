/** Revisionsberedskap's filters in the URL (`/revisionsberedskap?leadDepartmentId=…&goalId=…&offset=50`), named as the API's query. */
export type ReadinessSearch = {
  /** The lead department. */
  leadDepartmentId?: string;
  /** A priority area (a goal): the initiatives linked to it or to any goal below it. */
  goalId?: string;
  /** The first initiative of the page shown, from 0. */
  offset?: number;
};

/** Initiatives a page: the API's default. */
export const PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (value: unknown) => (typeof value === 'string' && UUID.test(value) ? value : undefined);

/** For TanStack Router's `validateSearch`: keeps ids that are uuids and an offset that is a whole page, drops anything else. */
export function parseReadinessSearch(raw: Record<string, unknown>): ReadinessSearch {
  const offset = Number(raw.offset);
  return {
    leadDepartmentId: uuid(raw.leadDepartmentId),
    goalId: uuid(raw.goalId),
    offset: Number.isInteger(offset) && offset > 0 && offset % PAGE_SIZE === 0 ? offset : undefined,
  };
}

/** GET /portfolio/readiness's query for the view: only the filters that are set, one page. */
export function toReadinessQuery(search: ReadinessSearch) {
  return {
    limit: PAGE_SIZE,
    offset: search.offset ?? 0,
    ...(search.leadDepartmentId ? { leadDepartmentId: search.leadDepartmentId } : {}),
    ...(search.goalId ? { goalId: search.goalId } : {}),
  };
}

/** The page's range in the list, from 1: `{ first: 51, last: 63 }` of 63 from offset 50; null when there is nothing. */
export function pageRange(offset: number, shown: number): { first: number; last: number } | null {
  return shown === 0 ? null : { first: offset + 1, last: offset + shown };
}

/** The offsets of the pages before and after this one, where there are any. */
export function neighbourPages(offset: number, total: number): { previous?: number; next?: number } {
  return {
    ...(offset > 0 ? { previous: Math.max(0, offset - PAGE_SIZE) } : {}),
    ...(offset + PAGE_SIZE < total ? { next: offset + PAGE_SIZE } : {}),
  };
}
