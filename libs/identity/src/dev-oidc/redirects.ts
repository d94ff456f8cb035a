/**
 * Where the development issuer may send a browser back to: only to pages of Samla itself (PUBLIC_URL's origin) or of
 * the origins whose pages may call the API (CORS_ORIGINS, e.g. Vite's dev server), never anywhere a link names (an
 * open redirect would hand the authorization code to whoever wrote the link).
 */
export function allowedRedirectOrigins(publicUrl: string, corsOrigins: readonly string[]): string[] {
  return [...new Set([publicUrl, ...corsOrigins].map((origin) => new URL(origin).origin))];
}

/**
 * The redirect URI as a URL when it may be used: absolute http(s), no user name or password, no fragment (RFC 6749
 * §3.1.2), nothing a parser could read differently (spaces, control characters, backslashes), on an allowed origin.
 * Callers redirect to the URL returned, so what the browser is sent to is what was checked.
 */
export function allowedRedirect(uri: unknown, allowedOrigins: readonly string[]): URL | null {
  if (typeof uri !== 'string' || uri.length > 2000 || /[\s\\\p{Cc}]/u.test(uri)) return null;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || uri.includes('#')) return null;
  return allowedOrigins.includes(url.origin) ? url : null;
}

/** The URI with the parameters added to its query (those it already has are kept, as RFC 6749 §3.1.2 requires). */
export function withParameters(url: URL, parameters: Record<string, string | undefined>): string {
  const target = new URL(url.href);
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) target.searchParams.set(name, value);
  return target.href;
}
