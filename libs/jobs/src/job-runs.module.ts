import { Module } from '@nestjs/common';
import { JobRunsService } from './job-runs.service.js';
import { JobSchedulesService } from './job-schedules.service.js';
import { QueuesModule } from './queues.module.js';

/** The worker's side of the jobs: its queue connection, the schedulers, and the run bookkeeping its processors use. */
@Module({
  imports: [QueuesModule.forRoot('worker')],
  providers: [JobRunsService, JobSchedulesService],
  exports: [QueuesModule, JobRunsService, JobSchedulesService],
})
export class JobRunsModule {}
