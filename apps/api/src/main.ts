import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { exitOnBootFailure, validateEnvironmentOrExit } from '#common';
import { ApiExpressAdapter } from './api-express-adapter.js';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';

async function bootstrap() {
  const { PORT } = validateEnvironmentOrExit('Samla API');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), new ApiExpressAdapter(), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  configureApp(app);
  await app.listen(PORT);
  console.log(
    `Samla listening on http://localhost:${PORT}/ (API: http://localhost:${PORT}/api/v1, docs: http://localhost:${PORT}/api/docs)`,
  );
}

bootstrap().catch(exitOnBootFailure);
