import type { Express, Response } from 'express';

/**
 * Express's res.json answers through res.send, which turns a body of 1,000 characters or more into a Buffer in
 * JavaScript before writing it (a copy of every list page, and garbage to collect); node:http encodes the string
 * itself while writing. Answers without an ETag are written so; one with an ETag (a single resource's version)
 * keeps Express's way, which answers 304 to a matching If-None-Match, as do HEAD, 204 and 304.
 */
export function useStringJsonReplies(app: Express): void {
  const expressJson = app.response.json;
  app.response.json = function json(this: Response, body: unknown) {
    const text = JSON.stringify(body) as string | undefined;
    if (
      text === undefined ||
      this.req.method === 'HEAD' ||
      this.statusCode === 204 ||
      this.statusCode === 304 ||
      this.get('ETag') !== undefined
    )
      return expressJson.call(this, body);
    const type = this.get('Content-Type');
    this.set('Content-Type', type ? withUtf8(type) : 'application/json; charset=utf-8');
    this.set('Content-Length', String(Buffer.byteLength(text)));
    this.end(text);
    return this;
  };
}

function withUtf8(type: string): string {
  return `${type.replace(/;\s*charset=[^;]*/i, '')}; charset=utf-8`;
}
