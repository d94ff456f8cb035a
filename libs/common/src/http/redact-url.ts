import { findIdentityNumbers } from '../personal-data/personal-identity-number.js';

export const REDACTED = '[redacted]';

/** Query parameters that carry credentials (OAuth's and the usual API-key names), compared case-insensitively. */
export const CREDENTIAL_PARAMETERS: ReadonlySet<string> = new Set([
  'access_token',
  'token',
  'api_key',
  'key',
  'code',
  'id_token',
  'refresh_token',
  'client_secret',
  'password',
]);

/**
 * A URL as Samla may write it down (a log line, a problem's `instance`): the value of every credential query
 * parameter replaced, and so is every path segment or query value holding an identity number, since a request the
 * personal-data guard refuses still has its URL logged and answered. Anything else stays as it was.
 */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  const path = (start === -1 ? url : url.slice(0, start))
    .split('/')
    .map((segment) => (holdsIdentityNumber(segment) ? REDACTED : segment))
    .join('/');
  if (start === -1) return path;
  const pairs = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return holdsIdentityNumber(pair) ? REDACTED : pair;
      const [name, value] = [pair.slice(0, equals), pair.slice(equals + 1)];
      return isCredential(name) || holdsIdentityNumber(value) ? `${name}=${REDACTED}` : pair;
    });
  return `${path}?${pairs.join('&')}`;
}

/** A parsed query with the same values replaced. */
export function redactQuery(query: unknown): unknown {
  if (query === null || typeof query !== 'object') return query;
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [
      name,
      isCredential(name) || holdsIdentityNumber(JSON.stringify(value)) ? REDACTED : value,
    ]),
  );
}

function isCredential(encodedName: string): boolean {
  return CREDENTIAL_PARAMETERS.has(decoded(encodedName).toLowerCase());
}

function holdsIdentityNumber(encoded: string): boolean {
  return findIdentityNumbers(decoded(encoded)).length > 0;
}

function decoded(encoded: string): string {
  const text = encoded.replaceAll('+', ' ');
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a malformed escape: compared as it is
  }
}
