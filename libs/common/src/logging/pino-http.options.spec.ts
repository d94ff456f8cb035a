import { createServer, type IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import request from 'supertest';
import { lineDestination, pinoHttpOptions, type LogFormat, type LogOutput } from './pino-http.options.js';

type Exchange = {
  level?: string;
  path?: string;
  headers?: Record<string, string>;
  format?: LogFormat;
  /** Runs before the logger sees the request. */
  arrive?: (req: IncomingMessage) => void;
  handle?: (req: IncomingMessage & { log: Logger }) => void;
};

/** A real request through pino-http with Samla's options, the log lines captured instead of going to stdout. */
async function logLinesFor({
  level = 'info',
  path = '/api/v1/initiatives',
  headers = {},
  format = 'json',
  arrive = () => undefined,
  handle = () => undefined,
}: Exchange = {}): Promise<string[]> {
  const lines: string[] = [];
  const out: LogOutput = { write: (text: string) => lines.push(...text.split('\n').filter(Boolean)) };
  const logger = pinoHttp(pinoHttpOptions(level, format), format === 'line' ? lineDestination(out) : out);
  const server = createServer((req, res) => {
    arrive(req);
    logger(req, res);
    handle(req);
    res.end('{}');
  });
  await request(server).get(path).set(headers);
  await new Promise((resolve) => setImmediate(resolve));
  return lines;
}

async function logLineFor(exchange: Exchange): Promise<string> {
  const lines = await logLinesFor(exchange);
  expect(lines).toHaveLength(1);
  return lines[0];
}

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJsaXZlIn0.live-signature';

describe('pinoHttpOptions', () => {
  it('should redact the bearer token when a request carries an Authorization header', async () => {
    const line = await logLineFor({
      headers: { Authorization: 'Bearer eyJ.secret-token.sig', 'X-Request-Id': 'req-1' },
    });

    expect(JSON.parse(line)).toMatchObject({ req: { id: 'req-1', headers: { authorization: '[redacted]' } } });
    expect(line).not.toContain('secret-token');
  });

  it.each(['json', 'line'] as const)(
    'should write nothing, not even read the request to log it, and still give the request its id when the level is silent (%s)',
    async (format) => {
      const reads = { referer: 0 };
      let answeredId: unknown;
      const lines = await logLinesFor({
        level: 'silent',
        format,
        headers: { 'X-Request-Id': 'req-silent', Referer: 'https://intranet.example.se/samla' },
        // Serialising the request copies every header: a getter counts whether that ran.
        arrive: (req) => {
          const referer = req.headers.referer;
          Object.defineProperty(req.headers, 'referer', {
            enumerable: true,
            get: () => ((reads.referer += 1), referer),
          });
        },
        handle: (req) => {
          req.log.error('failed while serving');
          answeredId = req.id;
        },
      });

      expect(lines).toEqual([]);
      expect(reads.referer).toBe(0);
      expect(answeredId).toBe('req-silent');
    },
  );

  it('should redact the key when a request carries an X-Api-Key header', async () => {
    const line = await logLineFor({ headers: { 'X-Api-Key': 'samla_live_secret-key' } });

    expect(JSON.parse(line)).toMatchObject({ req: { headers: { 'x-api-key': '[redacted]' } } });
    expect(line).not.toContain('secret-key');
  });

  it('should put the request id at the top of every line when the handler logs while serving the request', async () => {
    const lines = await logLinesFor({
      headers: { 'X-Request-Id': 'req-7' },
      handle: (req) => req.log.info('looking up initiatives'),
    });

    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ msg: 'looking up initiatives', requestId: 'req-7' }),
      expect.objectContaining({ msg: 'request completed', requestId: 'req-7' }),
    ]);
  });

  it('should redact the token in the URL when a request carries access_token in its query', async () => {
    const line = await logLineFor({ path: `/api/v1/initiatives?status=active&access_token=${JWT}` });

    expect(JSON.parse(line)).toMatchObject({
      req: { url: '/api/v1/initiatives?status=active&access_token=[redacted]' },
    });
    expect(line).not.toContain('live-signature');
  });

  it('should redact the URL in the Referer header when it carries a token', async () => {
    const line = await logLineFor({ headers: { Referer: `https://intranet.example.se/samla?token=${JWT}` } });

    expect(JSON.parse(line)).toMatchObject({
      req: { headers: { referer: 'https://intranet.example.se/samla?token=[redacted]' } },
    });
    expect(line).not.toContain('live-signature');
  });

  it('should take a new id and keep the header out of the log when X-Request-Id holds an identity number', async () => {
    const line = await logLineFor({ headers: { 'X-Request-Id': 'arende-811218-9876' } });

    expect((JSON.parse(line) as { requestId: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line).not.toContain('9876');
  });

  it('should log one short line of text a request when the format is line', async () => {
    const line = await logLineFor({
      path: `/api/v1/initiatives?access_token=${JWT}&status=active`,
      headers: { 'X-Request-Id': 'req-9' },
      format: 'line',
    });

    expect(line).toMatch(
      /^\d\d:\d\d:\d\d INFO GET \/api\/v1\/initiatives\?access_token=\[redacted\]&status=active 200 \d+ ms requestId=req-9$/,
    );
  });

  it('should log nothing when a health probe asks', async () => {
    expect(await logLinesFor({ path: '/health/ready', format: 'line' })).toEqual([]);
  });
});
