import { ConfigService } from '@nestjs/config';
import { PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import { loggerParams, type AppConfig } from '#common';
import { api, createTestApp, request, type TestApp } from './support/test-app.js';

// Shaped like a live token; only the signature matters here, as what must never reach the log.
const SIGNATURE = 'bGl2ZS1zaWduYXR1cmUtZG8tbm90LWxvZw';
const JWT = `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJsaXZlIn0.${SIGNATURE}`;

describe('Request log', () => {
  let t: TestApp;
  const log: string[] = [];

  /** The lines logged while serving the request that answered `res`, parsed; written on finish, so after a turn. */
  async function linesOf(res: { headers: Record<string, string> }): Promise<Record<string, unknown>[]> {
    await new Promise((resolve) => setImmediate(resolve));
    return log.map((line) => JSON.parse(line)).filter((line) => line.requestId === res.headers['x-request-id']);
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: { LOG_LEVEL: 'info' },
      override: (module) =>
        module.overrideProvider(PARAMS_PROVIDER_TOKEN).useFactory({
          factory: (config: ConfigService<AppConfig, true>) =>
            loggerParams(config, { write: (line: string) => log.push(line) }),
          inject: [ConfigService],
        }),
    });
  });
  afterAll(() => t.close());

  it('should log the request with the token redacted from its URL and query when a token comes in ?access_token', async () => {
    const res = await request(t.http).get(api(`/initiatives?access_token=${JWT}&status=active`));

    expect(res.status).toBe(401);
    expect(await linesOf(res)).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        req: expect.objectContaining({
          url: '/api/v1/initiatives?access_token=[redacted]&status=active',
          query: { access_token: '[redacted]', status: 'active' },
        }),
        res: expect.objectContaining({ statusCode: 401 }),
        responseTime: expect.any(Number),
      }),
    ]);
    expect(log.join('')).not.toContain(SIGNATURE);
  });

  it('should redact the token from the path the refusal logs when a signed-in caller lacks the permission', async () => {
    const leadership = await t.as({ role: 'leadership' });

    const res = await leadership.get(api(`/users?token=${JWT}`));

    expect(res.status).toBe(403);
    expect(await linesOf(res)).toContainEqual(
      expect.objectContaining({ msg: 'Refused: missing permission', path: '/api/v1/users?token=[redacted]' }),
    );
    expect(log.join('')).not.toContain(SIGNATURE);
  });

  it('should log the refused request without the number when a query parameter holds an identity number', async () => {
    const res = await t.admin.get(api('/initiatives')).query({ q: 'pnr 811218–9876', status: 'active' });

    expect(res.status).toBe(422);
    expect(await linesOf(res)).toContainEqual(
      expect.objectContaining({
        req: expect.objectContaining({
          url: '/api/v1/initiatives?q=[redacted]&status=active',
          query: { q: '[redacted]', status: 'active' },
        }),
      }),
    );
    // The number in any of its forms (dash, none, percent-encoded en dash): its halves alone turn up by chance in
    // the log's millisecond timestamps, which once failed this test.
    expect(log.join('')).not.toMatch(/811218.{0,9}9876/);
  });

  it('should log no line when a health probe asks', async () => {
    const res = await request(t.http).get('/health/live');

    expect(res.status).toBe(200);
    expect(await linesOf(res)).toEqual([]);
  });
});
