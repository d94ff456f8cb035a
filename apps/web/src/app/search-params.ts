/**
 * The router's search serializer: readable addresses instead of TanStack Router's JSON
 * (`/insatser?status=active&status=proposed&q=unga`, not `?status=%5B%22active%22%5D`).
 *
 * A list is written as its key repeated, one value each; strings, numbers and booleans as their plain text; `undefined`
 * and `null` are left out. Reading gives a string for a key that stands once and a list of strings for a key that
 * stands several times; each route's `validateSearch` turns them into its typed search (a list of one, a number), so
 * the address holds nothing the typed parsers could not read back.
 */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      params.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The search of an address (`?a=1&b=x&b=y`, the `?` optional) as `{ a: '1', b: ['x', 'y'] }`. */
export function parseSearch(searchText: string): Record<string, string | string[]> {
  const search: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(searchText.startsWith('?') ? searchText.slice(1) : searchText)) {
    const earlier = search[key];
    search[key] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return search;
}
