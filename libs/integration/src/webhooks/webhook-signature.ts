import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Samla-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the subscription's secret. The
 * timestamp is signed with the body, so a receiver that also checks its age refuses a replayed old delivery.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmac(secret, `${unixSeconds}.${body}`)}`;
}

/**
 * The receiver's check (docs/integration.md shows the same few lines): the header's HMAC matches and its timestamp is at
 * most `toleranceSeconds` from `nowSeconds`.
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match || Math.abs(nowSeconds - Number(match[1])) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(match[2], 'hex'), Buffer.from(hmac(secret, `${match[1]}.${body}`), 'hex'));
}

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}
