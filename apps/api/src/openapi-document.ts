import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDetailsDto } from '#common';

/** Where the document is committed (repository root) and the web app's types generated from it. */
export const OPENAPI_FILE = 'openapi.json';
export const OPENAPI_TYPES_FILE = 'apps/web/src/lib/api-schema.ts';

/**
 * The API's OpenAPI document: served at /api/docs-json by configureApp, and written to openapi.json by
 * write-openapi.ts (`npm run openapi:write`) without a database or a server. `apiPrefix` is the app's global prefix.
 *
 * OpenAPI 3.1, because a field that may be null and points at another schema (`fundingLine: FeedFundingLineDto | null`)
 * has no correct form in 3.0: `nullable` does not reach into the `$ref`. Nest turns every `nullable: true` into 3.1's
 * `type: [..., 'null']` or `anyOf: [{ $ref }, { type: 'null' }]`.
 *
 * Paths are relative to the one server, `/api/v1`, so a client reads `api.GET('/initiatives/{id}')`; the few routes
 * outside it (the health checks) keep their full path and name `/` as their own server.
 */
export function buildOpenApiDocument(app: INestApplication, apiPrefix: string): OpenAPIObject {
  const server = `/${apiPrefix}`;
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Samla API')
      .setDescription(
        'Portfolio of the municipality’s cross-department initiatives. Errors are application/problem+json (RFC 9457); ' +
          'reads answer with an ETag and updates need If-Match.',
      )
      .setVersion('1')
      .addServer(server, 'This API, on the origin that serves it')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'From the identity provider; in development `npm run token -- --role admin`',
      })
      .addSecurityRequirements('bearer')
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: 'X-Api-Key',
          description:
            'Machine clients (the budget system): a key an admin created with POST /api-keys. Send one of the two, not both.',
        },
        'api-key',
      )
      .addSecurityRequirements('api-key')
      .build(),
    { extraModels: [ProblemDetailsDto] },
  );
  return inStableOrder(relativeToServer(document, server));
}

/** The document as openapi.json holds it: 2-space indent and a trailing newline. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

function relativeToServer(document: OpenAPIObject, server: string): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    if (path.startsWith(`${server}/`)) paths[path.slice(server.length)] = item;
    else paths[path] = { servers: [{ url: '/' }], ...item };
  }
  return { ...document, paths };
}

const TOP_LEVEL_ORDER = ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'];

/**
 * The same document in the same order whatever order modules are scanned in: top-level keys as OpenAPI lists them,
 * paths and each kind of component by name. Inside an operation or a schema the order is the code's (properties as
 * declared), which is what readers of the file and of Swagger UI expect.
 */
function inStableOrder(document: OpenAPIObject): OpenAPIObject {
  const rank = (key: string) => (TOP_LEVEL_ORDER.includes(key) ? TOP_LEVEL_ORDER.indexOf(key) : TOP_LEVEL_ORDER.length);
  const ordered = Object.fromEntries(
    Object.entries(document).sort(([a], [b]) => rank(a) - rank(b) || compare(a, b)),
  ) as unknown as OpenAPIObject;
  ordered.paths = byKey(document.paths);
  if (document.components) {
    ordered.components = Object.fromEntries(
      Object.entries(document.components)
        .sort(([a], [b]) => compare(a, b))
        .map(([kind, byName]) => [kind, byKey(byName)]),
    );
  }
  return ordered;
}

function byKey<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b))) as T;
}

/** Code-point order, the same on every machine (unlike localeCompare). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
