import { randomUUID } from 'node:crypto';
import type { INestApplicationContext, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import request, { type agent } from 'supertest';
import type { App } from 'supertest/types.js';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#database/testing';
import { DevelopmentIssuer, type DevelopmentTokenClaims } from '#identity';
import { ApiExpressAdapter } from '../../apps/api/src/api-express-adapter.js';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/app.setup.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

export type TestAgent = ReturnType<typeof agent>;

export type TestApp = {
  app: NestExpressApplication;
  /** The bare server: requests carry no identity. */
  http: App;
  /** Requests signed in as an admin, for arranging and exercising endpoints where access is not under test. */
  admin: TestAgent;
  /** Requests signed in with the given role (and department code), through the development issuer. */
  as: (claims: DevelopmentTokenClaims) => Promise<TestAgent>;
  dataSource: DataSource;
  database: TestDatabase;
  /** The worker, in this process on the same database and queues, when asked for with `withWorker`. */
  worker: INestApplicationContext | null;
  close: () => Promise<void>;
};

/**
 * The real API (same modules, same pipes, filters and body limits as main.ts) on a database of its own and
 * the real Redis. The environment is set before the app is assembled, because configuration is read then.
 */
export async function createTestApp(
  options: {
    extraControllers?: Type[];
    env?: Record<string, string>;
    withWorker?: boolean;
    /** Prepares the database and answers the URL API and worker connect with (e.g. as a restricted role). */
    connectAs?: (database: TestDatabase) => Promise<string>;
    /** Replaces providers before the app is assembled (e.g. where the log goes, to read it). */
    override?: (module: TestingModuleBuilder) => TestingModuleBuilder;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = options.connectAs ? await options.connectAs(database) : database.url;
  process.env.LOG_LEVEL ??= 'silent';
  // A worker takes every job under its prefix: queues of the file's own keep it from another file's jobs.
  if (options.withWorker) process.env.QUEUE_PREFIX = `samla-test-${randomUUID().slice(0, 8)}`;
  Object.assign(process.env, options.env);
  const builder = Test.createTestingModule({
    imports: [AppModule.forRoot()],
    controllers: options.extraControllers ?? [],
  });
  const moduleRef = await (options.override?.(builder) ?? builder).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(new ApiExpressAdapter(), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureApp(app);
  await app.init();
  const worker = options.withWorker ? await startWorker() : null;
  const http = app.getHttpServer();
  const issuer = app.get(DevelopmentIssuer);
  const as = async (claims: DevelopmentTokenClaims) =>
    request.agent(http).set('Authorization', `Bearer ${await issuer.sign(claims)}`);
  return {
    app,
    http,
    admin: await as({ role: 'admin', sub: 'test-admin' }),
    as,
    dataSource: app.get(DataSource),
    database,
    worker,
    close: async () => {
      await worker?.close();
      await app.close();
      await database.drop();
    },
  };
}

async function startWorker(): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot()] }).compile();
  return moduleRef.createNestApplication({ bufferLogs: true }).init();
}

export const api = (path: string) => `/api/v1${path}`;

/** Row counts of the given tables, to prove a refused request wrote nothing. */
export async function rowCounts(dataSource: DataSource, tables: string[]): Promise<Record<string, number>> {
  const parts = tables.map((t) => `(SELECT count(*)::int FROM "${t}") AS "${t}"`);
  const [row] = await dataSource.query(`SELECT ${parts.join(', ')}`);
  return row;
}

export function expectProblem(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    }),
  );
}

export { request };
