import type { Page } from 'playwright-core';

export type ApiAnswer<T = unknown> = { status: number; body: T; etag: string | null };

/**
 * Calls the API as the person signed in on `page`, with the access token the app keeps (oidc-client-ts's user in
 * sessionStorage): for a test's own data, made the way the app would make it, so tests need not share the demo's
 * records. `path` is below /api/v1 (e.g. `/initiatives`).
 */
export async function callApi<T = unknown>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const token = await page.evaluate(() => {
    const key = Object.keys(window.sessionStorage).find((name) => name.startsWith('oidc.user:'));
    return key
      ? (JSON.parse(window.sessionStorage.getItem(key) ?? '{}') as { access_token?: string }).access_token
      : undefined;
  });
  if (!token) throw new Error('callApi: nobody is signed in on this page');
  const response = await page.request.fetch(new URL(`/api/v1${path}`, page.url()).toString(), {
    method,
    headers: { authorization: `Bearer ${token}`, ...options.headers },
    data: options.body,
  });
  const text = await response.text();
  return {
    status: response.status(),
    body: (text ? JSON.parse(text) : undefined) as T,
    etag: response.headers()['etag'] ?? null,
  };
}
