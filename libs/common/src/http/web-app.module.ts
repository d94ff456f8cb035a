import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpStatus, Inject, Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AbstractLoader, ExpressLoader, ServeStaticModule } from '@nestjs/serve-static';
import type { NextFunction, Request, Response } from 'express';
import { DomainException } from '../problem-details/problem.js';
import { ProblemDetailsFilter } from '../problem-details/problem-details.filter.js';

/**
 * Paths that are never the web app, so they never fall back to its index.html: the API and its docs (`/api/…`), the
 * health checks, and anything named like a file (`/assets/index-3f2a.js`, `/favicon.ico`): a file that is not there
 * is a 404, not a page. Initiative and goal codes (`SSPF`, `FP-1`) have no dot.
 */
export const NOT_THE_WEB_APP = /^\/(?:api|health)(?:\/|$)|\/[^/]*\.[A-Za-z0-9]{1,12}$/;

/** Vite names every file under assets/ by a hash of its content: a changed file has a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and the icon) name the current assets: the browser asks again every time (a 304 when unchanged). */
const REVALIDATE = 'no-cache';

export class WebAppNotBuiltProblem extends DomainException {
  constructor() {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      '/problems/web-app-not-built',
      'Web app not built',
      'The API was started without a build of the web app (dist/apps/web/index.html is missing). Run `npm run web:build`, then restart the API.',
    );
  }
}

/** The folder the web app is built into (dist/apps/web), found from the project root above the given module. */
export function webAppDirectory(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`);
    dir = parent;
  }
  return join(dir, 'dist', 'apps', 'web');
}

const WEB_APP_OPTIONS = Symbol('WEB_APP_OPTIONS');
type WebAppOptions = { rootPath: string };

/** Without a build: a GET for a page of the app answers 503 problem+json saying how to build it; nothing crashes. */
@Injectable()
class WebAppNotBuiltHandler implements OnModuleInit {
  private readonly logger = new Logger('WebApp');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_APP_OPTIONS) private readonly options: WebAppOptions,
  ) {}

  onModuleInit() {
    this.logger.warn(
      `No web app in ${relative(process.cwd(), this.options.rootPath) || '.'}: pages answer 503 until \`npm run web:build\` and a restart`,
    );
    const problems = new ProblemDetailsFilter();
    this.adapterHost.httpAdapter?.use((request: Request, response: Response, next: NextFunction) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_THE_WEB_APP.test(request.path)) return next();
      problems.respond(new WebAppNotBuiltProblem(), request, response);
    });
  }
}

/**
 * Serves the built web app on the API's origin: its files, and index.html for every other GET outside the API (the
 * app's router decides what the path shows, its own 404 page included). Mounted after the routes (Nest registers
 * routes before modules' init hooks) and before UnmatchedRoutesModule's handler, so the API's paths keep answering
 * 404 problem+json. Whether there is a build is decided when the API starts.
 */
@Module({})
export class WebAppModule {
  static forRoot(options: WebAppOptions): DynamicModule {
    const { rootPath } = options;
    if (!existsSync(join(rootPath, 'index.html'))) {
      return {
        module: WebAppModule,
        providers: [{ provide: WEB_APP_OPTIONS, useValue: options }, WebAppNotBuiltHandler],
      };
    }
    const assets = join(rootPath, 'assets') + sep;
    const serveStatic = ServeStaticModule.forRoot({
      rootPath,
      exclude: NOT_THE_WEB_APP,
      serveStaticOptions: {
        index: 'index.html',
        redirect: false,
        // Also called for the index.html answered in place of an app path.
        setHeaders: (response: Response, path: string) =>
          response.setHeader('Cache-Control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE),
      },
    });
    // The module picks its loader when it is instantiated, and in a testing module (Test.createTestingModule) there is
    // no HTTP adapter yet then: it would pick the no-op loader and the tests would run without the app. The API is on
    // Express; the loader registers once the app initialises, when the adapter is there in tests as in production.
    serveStatic.providers = [...(serveStatic.providers ?? []), { provide: AbstractLoader, useClass: ExpressLoader }];
    return { module: WebAppModule, imports: [serveStatic] };
  }
}
