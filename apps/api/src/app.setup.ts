import { RequestMethod, type INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import {
  API_PREFIX,
  createValidationPipe,
  csvBody,
  EtagInterceptor,
  hashedJsonBody,
  jsonBody,
  spreadsheetBody,
  PersonalDataPipe,
  ProblemDetailsFilter,
  requestIdMiddleware,
  WellFormedTextPipe,
  type AppConfig,
} from '#common';
import { INITIATIVE_IMPORT_BODY_LIMIT, INITIATIVE_IMPORTS_PATH } from '#initiative-import';
import { BUDGET_LINES_BODY_LIMIT, BUDGET_LINES_PATH } from '#integration';
import { QUEUE_DASHBOARD_ROUTE } from '#queue';
import { buildOpenApiDocument } from './openapi-document.js';

export const BODY_LIMIT = '1mb';
/** Where SwaggerModule.setup serves Swagger UI, below. */
const DOCS_PATH = 'api/docs';

/**
 * helmet's defaults without their allowances (`https:` and inline styles, fonts from anywhere), framing by nobody.
 * `connect-src` adds the identity provider's origin when there is one: the web app fetches its discovery document
 * and redeems codes and refresh tokens at its token endpoint from the browser.
 */
export function contentSecurityPolicy(identityProviderOrigins: readonly string[] = []): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'", ...identityProviderOrigins],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'upgrade-insecure-requests': [],
  };
}

/**
 * The origin the web app signs in at, as GET /web-config names it: none while the API is its own issuer
 * (AUTH_JWKS_URL unset: the development issuer is on this origin), else OIDC_AUTHORITY's (default AUTH_ISSUER's).
 */
export function identityProviderOrigins(
  config: Pick<AppConfig, 'AUTH_JWKS_URL' | 'OIDC_AUTHORITY' | 'AUTH_ISSUER'>,
): string[] {
  if (!config.AUTH_JWKS_URL) return [];
  try {
    const authority = new URL(config.OIDC_AUTHORITY ?? config.AUTH_ISSUER);
    return authority.protocol === 'https:' || authority.protocol === 'http:' ? [authority.origin] : [];
  } catch {
    return [];
  }
}

function serialize(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([name, values]) => [name, ...values].join(' '))
    .join(';');
}

/** Everything main.ts does to the app before listening, shared with the end-to-end tests. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  // No body-hash ETag on every answer: it hashed each list page (and converted it to bytes once more) for a 304 that
  // saves only the transfer, the query and the serialisation being done anyway. Single resources keep their version
  // as ETag (EtagInterceptor), which is what If-Match needs.
  app.set('etag', false);
  app.use(requestIdMiddleware);
  const config = app.get(ConfigService<AppConfig, true>);
  const policy = contentSecurityPolicy(
    identityProviderOrigins({
      AUTH_JWKS_URL: config.get('AUTH_JWKS_URL', { infer: true }),
      OIDC_AUTHORITY: config.get('OIDC_AUTHORITY', { infer: true }),
      AUTH_ISSUER: config.get('AUTH_ISSUER', { infer: true }),
    }),
  );
  // The web app on `/` runs on this policy: its scripts and styles are files from this origin, nothing inline.
  app.useSecurityHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: policy },
    xFrameOptions: { action: 'deny' },
  });
  // Swagger UI's and the queue dashboard's pages carry their own <style> blocks: inline styles are allowed there, and
  // only there.
  const withInlineStyles = serialize({ ...policy, 'style-src': ["'self'", "'unsafe-inline'"] });
  app.use(
    [`/${DOCS_PATH}`, `/${API_PREFIX}/${QUEUE_DASHBOARD_ROUTE}`],
    (_request: Request, response: Response, next: NextFunction) => {
      response.setHeader('Content-Security-Policy', withInlineStyles);
      next();
    },
  );
  // Browser pages from the configured origins only. Tokens travel in headers; the one cookie (the queue dashboard's
  // session) is SameSite=Strict for this origin's own pages, so no credentials.
  app.enableCors({
    origin: config.get('CORS_ORIGINS', { infer: true }),
    credentials: false,
    exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  // A budget batch (up to 50,000 lines) is parsed here first, with its own limit and the hash of its bytes for its
  // Idempotency-Key; the parser below then skips it.
  app.use(`/${API_PREFIX}${BUDGET_LINES_PATH}`, hashedJsonBody(BUDGET_LINES_BODY_LIMIT));
  // A spreadsheet to import is read as bytes (CSV or XLSX), before the CSV text parser below would take it.
  app.use(`/${API_PREFIX}${INITIATIVE_IMPORTS_PATH}`, spreadsheetBody(INITIATIVE_IMPORT_BODY_LIMIT));
  app.use(jsonBody(BODY_LIMIT));
  // CSV imports (indicator values) arrive as text.
  app.use(csvBody(BODY_LIMIT));
  useApiPrefix(app);
  // In this order: text PostgreSQL cannot store is refused before anything reads it, and a body is checked for
  // personal data once its shape is valid (see PersonalDataPipe).
  app.useGlobalPipes(new WellFormedTextPipe(), createValidationPipe(), new PersonalDataPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalInterceptors(new EtagInterceptor());
  app.enableShutdownHooks();

  const document = buildOpenApiDocument(app, API_PREFIX);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** `/api/v1` before every route but the health checks; write-openapi.ts builds the document on the same routes. */
export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
}
