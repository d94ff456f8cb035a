// Does what the worker's scheduled `drain-overlaps` does, on the database at DATABASE_URL: the browser tests run no
// worker, so an initiative a test creates or changes through the API gets its overlap pairs here, from the built
// library (npm run build), the repository root being the first argument. Prints the counts.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const root = process.argv[2];
const { CommonModule } = await import(`${root}/dist/libs/common/src/index.js`);
const { DatabaseModule } = await import(`${root}/dist/libs/database/src/index.js`);
const { ENTITIES } = await import(`${root}/dist/libs/schema/src/index.js`);
const { OverlapScanModule, OverlapRefreshService } = await import(`${root}/dist/libs/portfolio-review/src/index.js`);

class DrainOnce {}
Module({ imports: [CommonModule.forRoot(), DatabaseModule.forRoot(ENTITIES), OverlapScanModule] })(DrainOnce);

const app = await NestFactory.createApplicationContext(DrainOnce, { logger: ['error'] });
try {
  console.log(JSON.stringify(await app.get(OverlapRefreshService).drain()));
} finally {
  await app.close();
}
