import { messages, type InitiativeStatusKey } from '../../../lib/messages';

/** The funding source types the API filters by (`fundingSourceType`), with their Swedish labels. */
export type FundingSourceTypeKey = keyof typeof messages.vocabulary.fundingSourceType;

/** The columns the list sorts by: the API's sort keys (GET /initiatives `sort`). */
export const SORT_KEYS = [
  'code',
  'title',
  'leadDepartmentName',
  'status',
  'latestRagStatus',
  'temporaryFundingEndsOn',
  'openAlertCount',
  'startDate',
  'endDate',
  'annualCostSek',
  'createdAt',
  'updatedAt',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** `code` ascending, `-code` descending: the API's syntax. */
export type SortValue = SortKey | `-${SortKey}`;

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/**
 * The initiative list's view, kept in the URL (`/insatser?status=active&status=proposed&q=unga`) so it can be bookmarked, shared,
 * restored by the back button and exported. Names follow the API's query parameters, so filters go to
 * GET /initiatives and GET /portfolio/export as they are.
 */
export type InitiativeListSearch = {
  q?: string;
  status?: InitiativeStatusKey[];
  /** The lead department. */
  leadDepartmentId?: string;
  /** Lead or participant in any role. */
  departmentId?: string;
  /** The goal or any goal below it. */
  goalId?: string;
  targetGroup?: string[];
  district?: string[];
  fundingSourceType?: FundingSourceTypeKey[];
  sort?: SortValue;
  offset?: number;
  limit?: number;
};

/** The filters alone: what the export takes, and what "Rensa filter" clears. */
export const FILTER_KEYS = [
  'q',
  'status',
  'leadDepartmentId',
  'departmentId',
  'goalId',
  'targetGroup',
  'district',
  'fundingSourceType',
] as const satisfies readonly (keyof InitiativeListSearch)[];

const STATUSES = Object.keys(messages.initiativeStatus) as InitiativeStatusKey[];
const SOURCE_TYPES = Object.keys(messages.vocabulary.fundingSourceType) as FundingSourceTypeKey[];
// What the API takes as a code; anything else would only earn a 400.
const CODE = /^[A-Z0-9_-]{1,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed.slice(0, 200);
}

function uuid(value: unknown): string | undefined {
  const candidate = text(value);
  return candidate && UUID.test(candidate) ? candidate.toLowerCase() : undefined;
}

/** One value or several (`?status=active`, or `?status=active&status=approved` read as a list), the allowed ones, each once. */
function list<T extends string>(value: unknown, allowed: (candidate: string) => boolean): T[] | undefined {
  const values = (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : ''))
    .filter((v) => v !== '' && allowed(v)) as T[];
  return values.length > 0 ? [...new Set(values)] : undefined;
}

function sortValue(value: unknown): SortValue | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.startsWith('-') ? value.slice(1) : value;
  return (SORT_KEYS as readonly string[]).includes(key) ? (value as SortValue) : undefined;
}

function integer(value: unknown, min: number, max: number): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

/**
 * For TanStack Router's `validateSearch`: keeps what is well-formed and drops the rest, so a hand-edited or old link
 * opens the list instead of an error. Whether a value exists (a department id, a district code) is the API's to say.
 * Every key is present, `undefined` when dropped: the router lays the result over the raw search, so a key left out
 * would keep its raw, unchecked value. Defaults (offset 0, 50 a page) are left out, so the URL stays short.
 */
export function parseInitiativeListSearch(raw: Record<string, unknown>): InitiativeListSearch {
  const offset = integer(raw.offset, 1, Number.MAX_SAFE_INTEGER);
  const limit = integer(raw.limit, 1, MAX_LIMIT);
  return {
    q: text(raw.q),
    status: list<InitiativeStatusKey>(raw.status, (v) => STATUSES.includes(v as InitiativeStatusKey)),
    leadDepartmentId: uuid(raw.leadDepartmentId),
    departmentId: uuid(raw.departmentId),
    goalId: uuid(raw.goalId),
    targetGroup: list<string>(raw.targetGroup, (v) => CODE.test(v)),
    district: list<string>(raw.district, (v) => CODE.test(v)),
    fundingSourceType: list<FundingSourceTypeKey>(raw.fundingSourceType, (v) =>
      SOURCE_TYPES.includes(v as FundingSourceTypeKey),
    ),
    sort: sortValue(raw.sort),
    offset,
    limit: limit === DEFAULT_LIMIT ? undefined : limit,
  };
}

/** The filters of a view, without sort and paging: for the export, and to tell whether any filter is set. */
export function filtersOf(search: InitiativeListSearch): Pick<InitiativeListSearch, (typeof FILTER_KEYS)[number]> {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (search[key] !== undefined) filters[key] = search[key];
  return filters;
}

export function hasFilters(search: InitiativeListSearch): boolean {
  return Object.keys(filtersOf(search)).length > 0;
}

/** GET /initiatives's query for a view. */
export function toListQuery(search: InitiativeListSearch) {
  return {
    ...filtersOf(search),
    sort: search.sort ?? 'code',
    limit: search.limit ?? DEFAULT_LIMIT,
    offset: search.offset ?? 0,
  };
}

/** Some filters of a view, as a filter control changes them. */
export type FilterPatch = Partial<Pick<InitiativeListSearch, (typeof FILTER_KEYS)[number]>>;

/**
 * A view with some filters changed: back to the first page (the old offset may lie past the new end), sort and page
 * size kept. An empty list or text clears its filter.
 */
export function withFilters(search: InitiativeListSearch, patch: FilterPatch): InitiativeListSearch {
  const next: InitiativeListSearch = { ...search, ...patch, offset: undefined };
  for (const key of FILTER_KEYS) {
    const value = next[key];
    if (value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
  }
  return next;
}

/** A view with every filter cleared, sort and page size kept. */
export function withoutFilters(search: InitiativeListSearch): InitiativeListSearch {
  return { sort: search.sort, limit: search.limit };
}

/** The sort a column header asks for: ascending first, descending on the second press. */
export function sortDirection(search: InitiativeListSearch, key: SortKey): 'ascending' | 'descending' | undefined {
  const sort = search.sort ?? 'code';
  if (sort === key) return 'ascending';
  if (sort === `-${key}`) return 'descending';
  return undefined;
}

export function toSortValue(key: SortKey, direction: 'ascending' | 'descending'): SortValue | undefined {
  const value: SortValue = direction === 'descending' ? `-${key}` : key;
  return value === 'code' ? undefined : value;
}
