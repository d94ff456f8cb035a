import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { API_PREFIX } from '#common';
import { useApiPrefix } from './app.setup.js';
import {
  buildOpenApiDocument,
  OPENAPI_FILE,
  OPENAPI_TYPES_FILE,
  serializeOpenApiDocument,
} from './openapi-document.js';
import { generateApiTypes } from './openapi-types.js';

/**
 * `npm run openapi:write`: writes the OpenAPI document the API serves to openapi.json at the repository root, with no
 * server, database or Redis, and the web app's types generated from it. Nest's preview mode reads every module,
 * controller and DTO without creating a provider; the document needs nothing more. test/openapi.e2e-spec.ts fails
 * while either committed file differs from what this writes.
 */
async function main() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), {
    preview: true,
    logger: ['error'],
    abortOnError: false,
  });
  useApiPrefix(app);
  const root = new URL('../../../../', import.meta.url);
  await writeFile(new URL(OPENAPI_FILE, root), serializeOpenApiDocument(buildOpenApiDocument(app, API_PREFIX)));
  await app.close();
  await writeFile(new URL(OPENAPI_TYPES_FILE, root), await generateApiTypes(new URL(OPENAPI_FILE, root)));
  console.log(`Wrote ${OPENAPI_FILE} and ${OPENAPI_TYPES_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
