import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobRunQueueModule } from '#queue';
import { FollowUpController } from './follow-up.controller.js';
import { RoundRemindersService } from './reminders/round-reminders.service.js';
import { ReportingRoundEntity } from './reporting-round.entity.js';
import { ReportingRoundsService } from './reporting-rounds.service.js';
import { StatusReportGenerator } from './status-report-generation.js';
import { StatusReportEntity } from './status-report.entity.js';
import { StatusReportsService } from './status-reports.service.js';

/** The follow-up API: reporting rounds and status reports. */
@Module({
  imports: [TypeOrmModule.forFeature([ReportingRoundEntity, StatusReportEntity]), JobRunQueueModule],
  controllers: [FollowUpController],
  providers: [ReportingRoundsService, StatusReportsService],
})
export class FollowUpModule {}

/** The worker's side: creating a round's status reports, and the reminders the daily scan job plans. */
@Module({
  providers: [StatusReportGenerator, RoundRemindersService],
  exports: [StatusReportGenerator, RoundRemindersService],
})
export class FollowUpWorkerModule {}
