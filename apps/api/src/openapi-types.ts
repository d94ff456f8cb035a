import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

/**
 * The web app's types (apps/web/src/lib/api-schema.ts) from the committed document, as
 * `openapi-typescript openapi.json --default-non-nullable false` writes them. Only write-openapi.ts and the tests use
 * this: openapi-typescript is a development dependency.
 *
 * `defaultNonNullable: false`: a field with a default is optional where the document says so. openapi-typescript's
 * default makes it required everywhere, also in request bodies (a new funding line would have to send `status`).
 */
export async function generateApiTypes(document: URL): Promise<string> {
  return `${COMMENT_HEADER}${astToString(await openapiTS(document, { defaultNonNullable: false, silent: true }))}`;
}
