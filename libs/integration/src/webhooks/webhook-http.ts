import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './webhook-target.js';

export type WebhookResponse = { statusCode: number | null; error: string | null };

/**
 * POSTs `body` to `url`, connecting only to `addresses` (checked before), within `timeoutMs`. A redirect is a
 * failure, not followed: it could point anywhere, a private address included. The answer's body is not read.
 */
export function postWebhook(
  url: URL,
  addresses: ResolvedAddress[],
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<WebhookResponse> {
  const pinned: LookupFunction = (_host, options, callback) =>
    options.all ? callback(null, addresses) : callback(null, addresses[0].address, addresses[0].family);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        lookup: pinned,
        headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        const statusCode = res.statusCode ?? null;
        const redirect = statusCode !== null && statusCode >= 300 && statusCode < 400;
        resolve({
          statusCode,
          error: redirect ? `redirect to ${res.headers.location ?? '(no location)'} not followed` : null,
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ statusCode: null, error: error.message.slice(0, 500) }));
    req.end(body);
  });
}
