import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Controller, Get, Header, Query } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Express } from 'express';
import request from 'supertest';
import { ApiExpressAdapter } from './api-express-adapter.js';

@Controller('things')
class ThingsController {
  @Get()
  @Header('Cache-Control', 'no-store')
  list(@Query('name') name?: string) {
    return { name: name ?? null };
  }
}

describe('ApiExpressAdapter', () => {
  let app: NestExpressApplication;
  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ThingsController] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>(new ApiExpressAdapter(), { logger: false });
    await app.init();
  });
  afterEach(() => app.close());

  it('makes requests and answers with Express’s prototypes before Express sees them', async () => {
    const express: Express = app.getHttpAdapter().getInstance();
    const made: boolean[] = [];
    const server: Server = app.getHttpServer();
    // Ahead of Express's own listener, which would set the prototypes itself.
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      made.push(Object.getPrototypeOf(req) === express.request, Object.getPrototypeOf(res) === express.response);
    });
    await request(app.getHttpServer()).get('/things').expect(200);
    expect(made).toEqual([true, true]);
  });

  it('answers as Express does: its request and reply helpers, headers and JSON', async () => {
    const res = await request(app.getHttpServer()).get('/things?name=Samla').expect(200);
    expect(res.body).toEqual({ name: 'Samla' });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify({ name: 'Samla' }))));
    expect(res.headers['cache-control']).toBe('no-store');
    await request(app.getHttpServer()).head('/things').expect(200, undefined);
  });
});
