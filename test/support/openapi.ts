/** The parts of an OpenAPI document the specs read. */
export type OpenApiOperation = {
  summary?: string;
  security?: Record<string, string[]>[];
  responses: Record<
    string,
    {
      description?: string;
      headers?: Record<string, unknown>;
      content?: Record<string, { schema?: { $ref?: string }; example?: unknown }>;
    }
  >;
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
};
type PathItem = { servers?: { url: string }[] } & Record<string, unknown>;
export type OpenApiDocument = { servers: { url: string }[]; paths: Record<string, PathItem> };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof METHODS)[number];

/**
 * Every operation of the document: `key` as the document writes it (`get /initiatives/{id}`, relative to its server)
 * and `url`, the path to request (`/api/v1/initiatives/{id}`; a path item's own server, `/` for health, wins).
 */
export function operationsOf(
  document: OpenApiDocument,
): { key: string; method: HttpMethod; url: string; operation: OpenApiOperation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) => {
    const server = (item.servers ?? document.servers)[0].url.replace(/\/$/, '');
    return METHODS.filter((method) => method in item).map((method) => ({
      key: `${method} ${path}`,
      method,
      url: `${server}${path}`,
      operation: item[method] as OpenApiOperation,
    }));
  });
}
