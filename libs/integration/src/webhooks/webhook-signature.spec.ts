import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

describe('webhook signature', () => {
  const body = '{"id":"e1","type":"initiative.created"}';

  it('should sign "t.body" with HMAC-SHA256 in hex', () => {
    // Reference value: printf '1700000000.{"id":"e1","type":"initiative.created"}' | openssl dgst -sha256 -hmac s3cret
    expect(signWebhook('s3cret', body, 1_700_000_000)).toBe(
      't=1700000000,v1=87e4218a9e717726c76c3c499b4c479bebfaea3525baf005485f7c2337756d19',
    );
  });

  it('should verify its own signature within the tolerance and refuse anything else', () => {
    const header = signWebhook('s3cret', body, 1_700_000_000);
    expect(verifyWebhookSignature('s3cret', body, header, 1_700_000_300)).toBe(true);
    expect(verifyWebhookSignature('s3cret', body, header, 1_700_000_301)).toBe(false);
    expect(verifyWebhookSignature('other', body, header, 1_700_000_000)).toBe(false);
    expect(verifyWebhookSignature('s3cret', `${body} `, header, 1_700_000_000)).toBe(false);
    expect(verifyWebhookSignature('s3cret', body, header.replace('t=1700000000', 't=1700000001'), 1_700_000_000)).toBe(
      false,
    );
    expect(verifyWebhookSignature('s3cret', body, 'v1=abc', 1_700_000_000)).toBe(false);
  });
});
