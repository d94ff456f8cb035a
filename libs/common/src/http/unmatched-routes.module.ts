import { Injectable, Module, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ProblemDetailsFilter } from '../problem-details/problem-details.filter.js';
import { redactUrl } from './redact-url.js';

/**
 * Nest answers unmatched routes under the global prefix itself; anything else (`/`, `/favicon.ico`, `/api/v2/…`) fell
 * through to Express's HTML "Cannot GET /". This handler is added once the app has registered everything else, so
 * whatever is mounted before it — routes, Swagger, a static-file handler for a web app — still answers first.
 */
@Injectable()
class UnmatchedRouteHandler implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap() {
    const problems = new ProblemDetailsFilter();
    this.adapterHost.httpAdapter?.use((request: Request, response: Response) =>
      problems.respond(
        new NotFoundException(`Cannot ${request.method} ${redactUrl(request.originalUrl.split('?')[0])}`),
        request,
        response,
      ),
    );
  }
}

/** Import in an HTTP app: unmatched routes anywhere answer 404 problem+json. */
@Module({ providers: [UnmatchedRouteHandler] })
export class UnmatchedRoutesModule {}
