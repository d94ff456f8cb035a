import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Options } from 'pino-http';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Credentials a request may carry: a bearer token or an API key in a log line is a credential anyone can read. */
export const REDACTED_HEADERS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'];

/**
 * JSON logs with the request id on every line (nestjs-pino binds it through AsyncLocalStorage). A caller's
 * `X-Request-Id` is kept when it looks sane, so one id follows a request across systems.
 */
export function pinoHttpOptions(level: string): Options {
  return {
    level,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId' },
    // Every line logged while handling a request (not only the access line) carries the id at the top level.
    quietReqLogger: true,
    redact: { paths: REDACTED_HEADERS, censor: '[redacted]' },
    autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health/') ?? false },
  };
}
