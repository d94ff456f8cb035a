import { messages, type InitiativeStatusKey } from '../../../lib/messages';

/**
 * The initiative list's filters, kept in the URL (`/insatser?status=active&q=unga`) so a filtered view can be
 * bookmarked, shared and exported. Names follow the API's query parameters, so the search goes to the API as it is.
 */
export type InitiativeListSearch = {
  q?: string;
  status?: InitiativeStatusKey[];
  leadDepartmentId?: string;
  sort?: string;
  offset?: number;
};

// Until the types generated from the OpenAPI document name them: the statuses the API's lifecycle knows.
const STATUSES = Object.keys(messages.initiativeStatus) as InitiativeStatusKey[];

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * For TanStack Router's `validateSearch`: keeps what is well-formed and drops the rest, so a hand-edited or old link
 * opens the list instead of an error. Whether a value exists (a department id, a sort key) is the API's to say.
 * Every key is present, `undefined` when dropped: the router lays the result over the raw search, so a key left out
 * would keep its raw, unchecked value.
 */
export function parseInitiativeListSearch(raw: Record<string, unknown>): InitiativeListSearch {
  const statuses = (Array.isArray(raw.status) ? raw.status : [raw.status]).filter(
    (value): value is InitiativeStatusKey => STATUSES.includes(value as InitiativeStatusKey),
  );
  const offset = Number(raw.offset);
  return {
    q: text(raw.q),
    status: statuses.length > 0 ? [...new Set(statuses)] : undefined,
    leadDepartmentId: text(raw.leadDepartmentId),
    sort: text(raw.sort),
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
  };
}
