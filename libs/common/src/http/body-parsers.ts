import { HttpStatus } from '@nestjs/common';
import { json, raw, text, type RequestHandler } from 'express';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainException, ValidationProblem } from '../problem-details/problem.js';
import { findIllFormedText } from '../validation/well-formed-text.js';

/**
 * How deeply a JSON body may nest objects and arrays. Samla's own bodies nest a handful of levels; class-transformer
 * recurses once per level and overflows the stack at about 1,500, after JSON.parse has already spent the time.
 */
const MAX_JSON_DEPTH = 32;

const UTF8 = new Set(['utf-8', 'utf8']);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LETTER_U = 0x75;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

class MalformedBodyProblem extends DomainException {
  constructor(detail: string) {
    super(HttpStatus.BAD_REQUEST, '/problems/malformed-body', 'Malformed body', detail);
  }
}

class NotUtf8Problem extends MalformedBodyProblem {
  constructor() {
    super('The request body is not valid UTF-8; send text encoded as UTF-8.');
  }
}

/**
 * Every JSON body parser of the API (the budget batch has its own, with a larger limit). Before the body is parsed,
 * its raw bytes are refused when they are not UTF-8, nest deeper than MAX_JSON_DEPTH, or escape text that cannot be
 * stored (see well-formed-text.ts).
 */
export function jsonBody(limit: string): RequestHandler {
  return json({ limit, type: ['application/json', 'application/*+json'], verify: verifyJson });
}

const BODY_SHA256 = Symbol('bodySha256');
type HashedRequest = IncomingMessage & { [BODY_SHA256]?: string };

/**
 * `jsonBody` that also keeps the sha256 of the bytes received (`bodySha256`), for a route whose Idempotency-Key binds
 * to the body: hashing the bytes costs a fraction of re-serialising a large parsed body (the budget batch).
 */
export function hashedJsonBody(limit: string): RequestHandler {
  return json({
    limit,
    type: ['application/json', 'application/*+json'],
    verify: (request, response, body, encoding) => {
      verifyJson(request, response, body, encoding);
      (request as HashedRequest)[BODY_SHA256] = createHash('sha256').update(body).digest('hex');
    },
  });
}

/** The sha256 (hex) of the JSON body's bytes, when `hashedJsonBody` parsed it. */
export function bodySha256(request: IncomingMessage): string | undefined {
  return (request as HashedRequest)[BODY_SHA256];
}

/** CSV imports arrive as text, in UTF-8 unless the request names another charset. */
export function csvBody(limit: string): RequestHandler {
  return text({ limit, type: 'text/csv', verify: verifyText });
}

/** XLSX workbooks. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Spreadsheet imports arrive as bytes, CSV (UTF-8) or XLSX, and the importer reads them: as bytes, not text, a CSV is
 * not one string the personal-data check would refuse whole, and each row's problems can be named instead.
 */
export function spreadsheetBody(limit: string): RequestHandler {
  return raw({ limit, type: ['text/csv', XLSX_TYPE], verify: verifySpreadsheet });
}

function verifySpreadsheet(request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  if (request.headers['content-type']?.startsWith('text/csv') && !isUtf8(body)) throw new NotUtf8Problem();
}

function verifyJson(_request: IncomingMessage, _response: ServerResponse, body: Buffer, encoding: string): void {
  // RFC 8259 §8.1: JSON between systems is UTF-8. The scan below reads UTF-8 bytes; in UTF-16 it would miss escapes.
  if (!UTF8.has(encoding)) {
    throw new DomainException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      '/problems/unsupported-media-type',
      'Unsupported Media Type',
      `A JSON body must be UTF-8 (RFC 8259), not ${encoding}; send it with charset=utf-8 or without a charset.`,
    );
  }
  // Otherwise the parser would turn every bad byte into U+FFFD and the changed text would be stored.
  if (!isUtf8(body)) throw new NotUtf8Problem();
  if (hasSuspectEscape(body)) refuseIllFormedText(body);
}

function verifyText(_request: IncomingMessage, _response: ServerResponse, body: Buffer, encoding: string): void {
  if (UTF8.has(encoding) && !isUtf8(body)) throw new NotUtf8Problem();
}

/**
 * One pass over the raw bytes, counting `[` and `{` outside strings, so a body nested too deeply is refused before
 * JSON.parse or class-transformer recurse into it. Byte by byte is safe: in UTF-8 the bytes of `"`, `\` and the
 * brackets never occur inside a multi-byte character. Tells whether a string escapes a NUL or a surrogate.
 */
function hasSuspectEscape(body: Buffer): boolean {
  let depth = 0;
  let suspect = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (byte === QUOTE) {
      for (i++; i < body.length && body[i] !== QUOTE; i++) {
        if (body[i] !== BACKSLASH) continue;
        i++;
        if (body[i] === LETTER_U && !suspect) suspect = escapesSuspectCode(body, i + 1);
      }
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > MAX_JSON_DEPTH)
        throw new MalformedBodyProblem(
          `The request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`,
        );
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return suspect;
}

/** `\u0000`, or a surrogate `\ud800`–`\udfff`, which may be half of a pair or alone: only parsing tells. */
function escapesSuspectCode(body: Buffer, hexAt: number): boolean {
  const code = Number.parseInt(body.toString('latin1', hexAt, hexAt + 4), 16);
  return code === 0 || (code >= 0xd800 && code <= 0xdfff);
}

/** Rare (a body escaping a NUL or a character beyond U+FFFF), so it may parse the body a second time to name the fields. */
function refuseIllFormedText(body: Buffer): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return; // the parser, next, answers that the body is not JSON
  }
  const errors = findIllFormedText(parsed);
  if (errors.length > 0) throw new ValidationProblem(errors, 'body');
}
