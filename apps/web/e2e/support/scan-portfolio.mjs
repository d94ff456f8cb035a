// Drains the overlap outbox, then runs every portfolio scan once, as of today in Europe/Stockholm, on the database at
// DATABASE_URL: what `npm run demo` does through the worker when it starts, so the browser tests' demo data has its
// overlap pairs and its alerts. Uses the built libraries (npm run build); the repository root is the first argument.
// Prints the counts.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const root = process.argv[2];
const { CommonModule } = await import(`${root}/dist/libs/common/src/index.js`);
const { DatabaseModule } = await import(`${root}/dist/libs/database/src/index.js`);
const { ENTITIES } = await import(`${root}/dist/libs/schema/src/index.js`);
const { AlertScansModule, AlertScansService } = await import(`${root}/dist/libs/alerts/src/index.js`);
const { OverlapScanModule, OverlapRefreshService } = await import(`${root}/dist/libs/portfolio-review/src/index.js`);

class ScanOnce {}
Module({
  imports: [CommonModule.forRoot(), DatabaseModule.forRoot(ENTITIES), AlertScansModule, OverlapScanModule],
})(ScanOnce);

const app = await NestFactory.createApplicationContext(ScanOnce, { logger: ['error'] });
try {
  const asOf = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());
  await app.get(OverlapRefreshService).drain();
  console.log(JSON.stringify(await app.get(AlertScansService).runAll(asOf)));
} finally {
  await app.close();
}
