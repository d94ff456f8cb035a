import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { SerializedRequest } from 'pino-std-serializers';
import { REDACTED, redactQuery, redactUrl } from '../http/redact-url.js';
import { findIdentityNumbers } from '../personal-data/personal-identity-number.js';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Credentials a request may carry: a bearer token or an API key in a log line is a credential anyone can read. */
export const REDACTED_HEADERS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'];

/**
 * `json` (production, tests): one JSON object a line, with the request and response. `line` (development): one
 * short line of text a request, so a terminal stays readable.
 */
export type LogFormat = 'json' | 'line';

/**
 * Logs with the request id on every line (nestjs-pino binds it through AsyncLocalStorage). A caller's
 * `X-Request-Id` is kept when it looks sane and holds no identity number, so one id follows a request across
 * systems. Credentials are redacted from headers and from every logged URL.
 */
export function pinoHttpOptions(level: string, format: LogFormat = 'json'): Options {
  const requestId: Options = {
    level,
    genReqId: giveRequestId,
    customAttributeKeys: { reqId: 'requestId' },
    // Every line logged while handling a request (not only the access line) carries the id at the top level.
    quietReqLogger: true,
  };
  // Nothing is ever written at `silent`, but pino-http still binds the request to a child logger on every request,
  // which serialised, redacted and stringified it: the request id (the audit trail keeps it) is all that remains.
  if (level === 'silent')
    return { ...requestId, autoLogging: false, wrapSerializers: false, serializers: { req: () => undefined } };
  const options: Options = {
    ...requestId,
    // The authentication guard logs a refused request's URL as `path`.
    serializers: {
      req: serializeRequest,
      path: (path: unknown) => (typeof path === 'string' ? redactUrl(path) : path),
    },
    redact: { paths: REDACTED_HEADERS, censor: REDACTED },
    // Probes ask every few seconds; a line each would bury everything else.
    autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health/') ?? false },
  };
  if (format === 'json') return options;
  return {
    ...options,
    base: null,
    quietResLogger: true,
    customSuccessObject: () => ({}),
    customErrorObject: () => ({}),
    customSuccessMessage: requestLine,
    customErrorMessage: (req, res, _error, responseTime?: number) => requestLine(req, res, responseTime),
  };
}

function requestLine(
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  responseTime?: number,
): string {
  return `${req.method} ${redactUrl(req.originalUrl ?? req.url ?? '')} ${res.statusCode} ${responseTime ?? '?'} ms`;
}

/**
 * The request as logged: credentials and identity numbers redacted in the URL, the query and the referrer; the
 * `X-Request-Id` header left out, because the id is on the line as `requestId` and a header that was not adopted
 * may hold anything, an identity number included.
 */
function serializeRequest(req: SerializedRequest): object {
  const { 'x-request-id': _requestId, ...headers } = req.headers;
  if (typeof headers.referer === 'string') headers.referer = redactUrl(headers.referer);
  return { ...req, url: redactUrl(req.url), query: redactQuery(req.query), headers };
}

/** The caller's `X-Request-Id` when it is sane and holds no identity number, else a new one; answered as a header. */
function giveRequestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id =
    typeof given === 'string' && REQUEST_ID.test(given) && findIdentityNumbers(given).length === 0
      ? given
      : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Gives every request its id before anything else runs (pino-http keeps an id it finds), so a request has one
 * whether it is logged or not: the answer's X-Request-Id, and the audit trail's.
 */
export function requestIdMiddleware(
  req: IncomingMessage & { id?: unknown },
  res: ServerResponse,
  next: () => void,
): void {
  req.id = giveRequestId(req, res);
  next();
}

/** Where log text goes: standard output, or a test's capture. */
export type LogOutput = { write(text: string): unknown };

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** One of pino's JSON lines: the fields `line` lays out, and whatever else the log call added. */
type LogRecord = {
  time: number;
  level: number;
  msg?: string;
  context?: string;
  requestId?: string;
  err?: { stack?: string };
  [field: string]: unknown;
};

/**
 * Where `line` logs go: pino's JSON turned into `17:02:11 INFO GET /api/v1/goals/tree 200 8 ms requestId=…`, with
 * the context of application logs, any other field as compact JSON and an error's stack on the lines below.
 */
export function lineDestination(out: LogOutput = process.stdout): DestinationStream {
  return {
    write(json: string) {
      const { time, level, msg, context, requestId, err, ...rest } = JSON.parse(json) as LogRecord;
      const words = [
        new Date(time).toTimeString().slice(0, 8),
        LEVEL_NAMES[level] ?? level,
        context && `[${context}]`,
        msg,
        requestId && `requestId=${requestId}`,
      ];
      if (Object.keys(rest).length > 0) words.push(JSON.stringify(rest));
      out.write(`${words.filter(Boolean).join(' ')}\n${err?.stack ? `${err.stack}\n` : ''}`);
    },
  };
}
