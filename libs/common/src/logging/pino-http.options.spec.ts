import { createServer, type IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import request from 'supertest';
import { pinoHttpOptions } from './pino-http.options.js';

/** A real request through pino-http with Samla's options, the log line captured instead of going to stdout. */
async function logLinesFor(headers: Record<string, string>, handle: (req: IncomingMessage & { log: Logger }) => void = () => undefined): Promise<string[]> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pinoHttp(pinoHttpOptions('info'), destination);
  const server = createServer((req, res) => {
    logger(req, res);
    handle(req as IncomingMessage & { log: Logger });
    res.end('{}');
  });
  await request(server).get('/api/v1/initiatives').set(headers);
  await new Promise((resolve) => setImmediate(resolve));
  return lines;
}

async function logLineFor(headers: Record<string, string>): Promise<string> {
  const lines = await logLinesFor(headers);
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('pinoHttpOptions', () => {
  it('should redact the bearer token when a request carries an Authorization header', async () => {
    const line = await logLineFor({ Authorization: 'Bearer eyJ.secret-token.sig', 'X-Request-Id': 'req-1' });

    expect(JSON.parse(line)).toMatchObject({ req: { id: 'req-1', headers: { authorization: '[redacted]' } } });
    expect(line).not.toContain('secret-token');
  });

  it('should redact the key when a request carries an X-Api-Key header', async () => {
    const line = await logLineFor({ 'X-Api-Key': 'samla_live_secret-key' });

    expect(JSON.parse(line)).toMatchObject({ req: { headers: { 'x-api-key': '[redacted]' } } });
    expect(line).not.toContain('secret-key');
  });

  it('should put the request id at the top of every line when the handler logs while serving the request', async () => {
    const lines = await logLinesFor({ 'X-Request-Id': 'req-7' }, (req) => req.log.info('looking up initiatives'));

    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ msg: 'looking up initiatives', requestId: 'req-7' }),
      expect.objectContaining({ msg: 'request completed', requestId: 'req-7' }),
    ]);
  });
});
