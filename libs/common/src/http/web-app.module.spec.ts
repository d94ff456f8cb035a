import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ProblemDetailsFilter } from '../problem-details/problem-details.filter.js';
import { UnmatchedRoutesModule } from './unmatched-routes.module.js';
import { WebAppModule } from './web-app.module.js';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return [];
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

async function appServing(rootPath: string) {
  const moduleRef = await Test.createTestingModule({
    imports: [ThingsModule, WebAppModule.forRoot({ rootPath }), UnmatchedRoutesModule],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  app.setGlobalPrefix('api/v1');
  app.useGlobalFilters(new ProblemDetailsFilter());
  return app.init();
}

describe('WebAppModule', () => {
  let dir: string;
  let app: NestExpressApplication | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'samla-web-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('should answer a page 503 problem+json saying to run npm run web:build, and leave the API alone, when the app is not built', async () => {
    app = await appServing(join(dir, 'missing'));

    const page = await request(app.getHttpServer()).get('/insatser');
    const api = await request(app.getHttpServer()).get('/api/v1/things');
    const unknown = await request(app.getHttpServer()).get('/api/v1/nope');

    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(page.body).toMatchObject({
      type: '/problems/web-app-not-built',
      status: 503,
      detail: expect.stringContaining('npm run web:build'),
    });
    expect((page.body as { errorId?: unknown }).errorId).toBeUndefined();
    expect(api.status).toBe(200);
    expect(unknown.status).toBe(404);
  });

  it('should serve files, hashed assets immutable, and index.html in place of any other page when the app is built', async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'export {};');
    app = await appServing(dir);

    const page = await request(app.getHttpServer()).get('/larm');
    const asset = await request(app.getHttpServer()).get('/assets/index-abc123.js');
    const missingAsset = await request(app.getHttpServer()).get('/assets/index-gone.js');
    const unknown = await request(app.getHttpServer()).get('/api/v2/things');

    expect([page.status, page.text, page.headers['cache-control']]).toEqual([
      200,
      '<!doctype html><title>app</title>',
      'no-cache',
    ]);
    expect([asset.status, asset.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect([missingAsset.status, unknown.status]).toEqual([404, 404]);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
