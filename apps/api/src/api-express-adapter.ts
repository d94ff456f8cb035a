import http from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';

/**
 * Express's adapter on a server that makes every request and answer with Express's prototypes from the start.
 * Express otherwise swaps them in on each request (`Object.setPrototypeOf` in `app.handle`), which V8 pays for on
 * every object it touches and in the garbage collector (bench/README.md, "Where the list request's CPU goes").
 * Express still sets them; finding them already set, it changes nothing. HTTPS and the adapter's shutdown options
 * keep Express's own server, which main.ts does not use.
 */
export class ApiExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options.httpsOptions || options.return503OnClosing || options.forceCloseConnections) {
      super.initHttpServer(options);
      return;
    }
    const app = this.getInstance<Express>();
    // Classes, not functions returning Reflect.construct: V8 constructs those fast (the latter cost 0.15 ms a request).
    class ApiRequest extends http.IncomingMessage {}
    class ApiResponse extends http.ServerResponse {}
    app.request = standIn(ApiRequest.prototype, app.request);
    app.response = standIn(ApiResponse.prototype, app.response);
    this.httpServer = http.createServer({ IncomingMessage: ApiRequest, ServerResponse: ApiResponse }, app);
  }
}

/** `prototype` made into what `original` is: the same prototype chain and own properties (Express's `app`). */
function standIn<T extends object>(prototype: object, original: T): T {
  Object.setPrototypeOf(prototype, Object.getPrototypeOf(original) as object);
  // The constructor stays Node's, as on Express's own objects.
  Reflect.deleteProperty(prototype, 'constructor');
  Object.defineProperties(prototype, Object.getOwnPropertyDescriptors(original));
  return prototype as T;
}
