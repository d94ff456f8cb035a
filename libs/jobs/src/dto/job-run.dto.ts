import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, PageQueryDto } from '#common';
import { JOB_NAMES, RECORD_JOB_QUEUES } from '../job-names.js';
import { JOB_RUN_STATUSES, type JobRunCounts, type JobRunStatus } from '#queue';

export class RequestJobRunDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2025-06-01',
    description:
      'The day to judge the portfolio as of; default today (Europe/Stockholm). A later day previews what will be flagged.',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class JobRunCountsDto {
  @ApiProperty({ example: 3, description: 'Alerts raised.' }) raised: number;
  @ApiProperty({ example: 1, description: 'Alerts whose severity rose.' }) escalated: number;
  @ApiProperty({ example: 2, description: 'Alerts whose cause is gone.' }) resolved: number;
  @ApiPropertyOptional({ example: 4, description: 'Notices sent (jobs that notify).' }) notified?: number;
  @ApiPropertyOptional({
    example: 120,
    description: "Records created (jobs that create them, such as a reporting round's status reports).",
  })
  created?: number;
  @ApiPropertyOptional({
    example: 40,
    description: 'Values written, the municipality’s and Sweden’s together (the Kolada import).',
  })
  imported?: number;
  @ApiPropertyOptional({ example: 12, description: 'Values read again unchanged (the Kolada import).' })
  unchanged?: number;
  @ApiPropertyOptional({
    type: [String],
    example: ['N02267'],
    description: 'KPIs Kolada returned no values for (the Kolada import).',
  })
  missingKpis?: string[];
  @ApiPropertyOptional({
    example: 12589,
    description: 'Initiatives whose overlap pairs were computed anew (the full overlap refresh, `refresh-overlaps`).',
  })
  rescored?: number;
}

export class JobRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'scan-portfolio' }) jobName: string;
  @ApiProperty({ format: 'date', example: '2025-06-01' }) asOf: string;
  @ApiProperty({
    enum: JOB_RUN_STATUSES,
    description: '`queued` also while waiting for a retry after a failed attempt.',
  })
  status: JobRunStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Who asked for it; null when the scheduler did.' })
  requestedBy: string | null;
  @ApiProperty({ nullable: true, type: JobRunCountsDto }) counts: JobRunCounts | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last attempt failed.' }) error: string | null;
  @ApiProperty({ example: 1, description: 'Attempts started so far.' }) attempts: number;
  @ApiProperty() queuedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) startedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
}

/** Every job name a run can carry: those `/jobs` runs and those a context queues about its own record. */
const RUN_JOB_NAMES = [...JOB_NAMES, ...Object.keys(RECORD_JOB_QUEUES)];

export class ListJobRunsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RUN_JOB_NAMES, example: 'scan-portfolio', description: 'Only runs of this job' })
  @IsOptional()
  @IsIn(RUN_JOB_NAMES)
  jobName?: string;
}
