import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { exitOnBootFailure, ProblemDetailsFilter, validateEnvironmentOrExit } from '#common';
import { WorkerModule } from './worker.module.js';

async function bootstrap() {
  const { WORKER_HEALTH_PORT } = validateEnvironmentOrExit('Samla worker');
  // An HTTP listener for /health/live and /health/ready only, so an orchestrator can probe the worker.
  const app = await NestFactory.create<NestExpressApplication>(WorkerModule.forRoot(), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // So /health/ready answers 503 problem+json naming what is down, as the API's does (not a bare 500).
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  await app.listen(WORKER_HEALTH_PORT);
  app.get(Logger).log(`Samla worker running; health on http://localhost:${WORKER_HEALTH_PORT}/health/ready`);
}

bootstrap().catch(exitOnBootFailure);
