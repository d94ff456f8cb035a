import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobRunEntity } from './job-run.entity.js';
import { JobRunsController, JobsController } from './jobs.controller.js';
import { JobsService } from './jobs.service.js';
import { QueuesModule } from './queues.module.js';

/** The API's side of the jobs: ask for a run, read how it went. The worker's side is JobRunsModule. */
@Module({
  imports: [QueuesModule.forRoot('producer'), TypeOrmModule.forFeature([JobRunEntity])],
  controllers: [JobsController, JobRunsController],
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
