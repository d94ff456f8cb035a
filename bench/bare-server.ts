/**
 * The benchmark's baseline: GET /api/v1/initiatives on plain node:http and pg, with no framework, validation,
 * logging or ETag in the way. It runs the API's own statement (buildInitiativeListSql) on a pool configured as
 * the API's is, so the difference the runner measures is what the API adds around the SQL.
 *
 *   PORT=3101 DATABASE_URL=… node dist/bench/bare-server.js
 */
import http from 'node:http';
import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parseSort, validateEnvironmentOrExit, type Page } from '#common';
// Importing the data source options also installs the API's pg type parsers, so both servers serialise the same rows.
import { dataSourceOptions } from '#database';
import { ENTITIES } from '#schema';
import { buildInitiativeListSql, INITIATIVE_SORT_KEYS, type InitiativeListFilters } from '#portfolio';
import { pgRows } from './pg-statements.js';

const LIST_PATH = '/api/v1/initiatives';
const LIST_FILTERS = ['status', 'targetGroup', 'district', 'fundingSourceType'] as const;
const SINGLE_FILTERS = ['leadDepartmentId', 'departmentId', 'goalId', 'q'] as const;

const config = validateEnvironmentOrExit('Samla bare baseline');
const options = dataSourceOptions(config, ENTITIES) as Extract<DataSourceOptions, { type: 'postgres' }>;
const pool = new pg.Pool({ connectionString: options.url, ...(options.extra as pg.PoolConfig | undefined) });

/** The query string read the way ListInitiativesQueryDto reads it (comma lists, page defaults), minus validation. */
function readQuery(params: URLSearchParams) {
  const filters: InitiativeListFilters = {};
  for (const name of LIST_FILTERS) {
    const values = params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) (filters as Record<string, string[]>)[name] = values;
  }
  for (const name of SINGLE_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const limit = Math.min(Number(params.get('limit') ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const offset = Number(params.get('offset') ?? 0);
  return { filters, limit, offset, sort: params.get('sort') ?? undefined };
}

async function list(params: URLSearchParams): Promise<Page<unknown>> {
  const { filters, limit, offset, sort } = readQuery(params);
  const rows = await pgRows(
    pool,
    buildInitiativeListSql(filters, { sort: parseSort(sort, INITIATIVE_SORT_KEYS, 'code'), limit, offset }),
  );
  // The benchmark never pages past the end, where the API counts separately; an empty page answers 0 here.
  return { items: rows.map(({ total: _total, ...item }) => item), total: rows[0]?.total ?? 0, limit, offset };
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' || url.pathname !== LIST_PATH) {
    res.writeHead(404).end();
    return;
  }
  list(url.searchParams).then(
    (page) => {
      const body = JSON.stringify(page);
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    },
    (error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
    },
  );
});

const shutdown = () => server.close(() => void pool.end());
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
server.listen(config.PORT, () => console.log(`Bare baseline listening on http://localhost:${config.PORT}${LIST_PATH}`));
