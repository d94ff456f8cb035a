import { Module } from '@nestjs/common';
import { JobRunQueueModule, JobRunsModule } from '#queue';
import { JobRunsController, JobsController } from './jobs.controller.js';
import { JobSchedulesService } from './job-schedules.service.js';
import { JobsService } from './jobs.service.js';

/** The API's side of the jobs: ask for a run by name, read how it went. */
@Module({
  imports: [JobRunQueueModule],
  controllers: [JobsController, JobRunsController],
  providers: [JobsService],
})
export class JobsModule {}

/** The worker's side: its queues, the run bookkeeping, and every schedule registered at start. */
@Module({
  imports: [JobRunsModule],
  providers: [JobSchedulesService],
  exports: [JobRunsModule, JobSchedulesService],
})
export class JobSchedulesModule {}
