// Does what the job `create-status-reports` does for one reporting round (second argument) on the database at
// DATABASE_URL: the browser tests run no worker, so a round a test creates through the API gets its status reports
// here, from the built library (npm run build), the repository root being the first argument. Prints the count.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const [root, roundId] = process.argv.slice(2);
const { CommonModule } = await import(`${root}/dist/libs/common/src/index.js`);
const { DatabaseModule } = await import(`${root}/dist/libs/database/src/index.js`);
const { ENTITIES } = await import(`${root}/dist/libs/schema/src/index.js`);
const { FollowUpWorkerModule, StatusReportGenerator } = await import(`${root}/dist/libs/follow-up/src/index.js`);

class CreateOnce {}
Module({ imports: [CommonModule.forRoot(), DatabaseModule.forRoot(ENTITIES), FollowUpWorkerModule] })(CreateOnce);

const app = await NestFactory.createApplicationContext(CreateOnce, { logger: ['error'] });
try {
  console.log(JSON.stringify({ created: await app.get(StatusReportGenerator).createForRound(roundId) }));
} finally {
  await app.close();
}
