import { jest } from '@jest/globals';
import { Controller, Get, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Public } from '#common';
import { createTestDatabase, type TestDatabase } from '#database/testing';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

@Public()
@Controller('test-failures')
class FailingController {
  @Get()
  fail(): never {
    throw new Error('connection to the budget system reset');
  }
}

describe('health and unexpected failures', () => {
  describe('API', () => {
    let t: TestApp;
    const redisUrl = process.env.REDIS_URL;

    afterEach(async () => {
      await t.close();
      if (redisUrl === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = redisUrl;
    });

    it('should answer 503 naming the database when PostgreSQL stops accepting connections', async () => {
      t = await createTestApp();
      await t.dataSource.query(`ALTER DATABASE "${t.database.name}" CONNECTION LIMIT 0`);
      await t.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [t.database.name],
      );
      await t.dataSource.query(`SELECT pg_terminate_backend(pg_backend_pid())`).catch(() => undefined);

      const res = await t.admin.get('/health/ready');

      expectProblem(res, 503);
      expect(res.body.detail).toBe('Not ready: database is down.');
      expect(res.body.checks).toEqual({
        database: expect.objectContaining({ status: 'down' }),
        redis: { status: 'up' },
      });
    });

    it('should stay ready but say it is degraded, naming Redis, when Redis does not answer', async () => {
      t = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });

      const res = await t.admin.get('/health/ready');

      expect(res.status).toBe(200);
      expect(res.body.status).toBe('degraded');
      expect(res.body.details).toEqual({
        redis: expect.objectContaining({ status: 'down' }),
        database: expect.objectContaining({ status: 'up' }),
      });
    });

    it('should answer problem+json 500 with an error id that is also logged when a handler fails unexpectedly', async () => {
      t = await createTestApp({ extraControllers: [FailingController] });
      const logged = jest.spyOn(Logger.prototype, 'error');

      const res = await t.admin.get('/api/v1/test-failures');

      expectProblem(res, 500);
      expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(res.body)).not.toContain('budget system');
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ errorId: res.body.errorId, err: expect.any(Error) }),
        expect.stringContaining(res.body.errorId),
      );
      logged.mockRestore();
    });
  });

  describe('worker', () => {
    let database: TestDatabase;
    let worker: NestExpressApplication;

    beforeAll(async () => {
      database = await createTestDatabase();
      process.env.DATABASE_URL = database.url;
      process.env.LOG_LEVEL ??= 'silent';
      const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot()] }).compile();
      worker = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
      await worker.init();
    });

    afterAll(async () => {
      await worker.close();
      await database.drop();
    });

    it('should report PostgreSQL and Redis ready when both answer', async () => {
      const res = await request(worker.getHttpServer()).get('/health/ready');

      expect(res.status).toBe(200);
      expect(res.body.info).toEqual({ database: expect.objectContaining({ status: 'up' }), redis: { status: 'up' } });
    });

    it('should serve no API when asked for one', async () => {
      const res = await request(worker.getHttpServer()).get('/api/v1/initiatives');

      expect(res.status).toBe(404);
    });
  });
});
