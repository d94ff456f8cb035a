import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobRunEntity } from './job-run.entity.js';
import { JobRunQueue } from './job-run-queue.service.js';
import { JobRunsService } from './job-runs.service.js';
import { QueuesModule } from './queues.module.js';

/** The API's side: a queue connection that fails fast, and JobRunQueue to queue a tracked run. */
@Module({
  imports: [QueuesModule.forRoot('producer'), TypeOrmModule.forFeature([JobRunEntity])],
  providers: [JobRunQueue],
  exports: [QueuesModule, JobRunQueue, TypeOrmModule],
})
export class JobRunQueueModule {}

/** The worker's side: its queue connection, and the run bookkeeping its processors use. */
@Module({
  imports: [QueuesModule.forRoot('worker')],
  providers: [JobRunsService],
  exports: [QueuesModule, JobRunsService],
})
export class JobRunsModule {}
