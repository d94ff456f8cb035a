/**
 * Placeholder for the API's types. The next step generates this file from the committed OpenAPI document with
 * openapi-typescript; until then the client knows no paths, so no call to the API compiles.
 */
export interface paths {}
