import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsCalendarDate, IsOmittable, PageQueryDto, Trim } from '#common';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '#portfolio';
import { DEFAULT_SCOPE_STATUSES, PERIOD_PATTERN } from '../reporting-round.entity.js';

export class CreateReportingRoundDto {
  @ApiProperty({ maxLength: 200, example: 'Delårsrapport augusti 2025' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({
    example: '2025-H1',
    description: 'A year (`2025`), half (`2025-H1`), quarter (`2025-Q3`) or month (`2025-05`)',
  })
  @IsString()
  @Matches(PERIOD_PATTERN, {
    message: 'period must be a year (2025), half (2025-H1), quarter (2025-Q3) or month (2025-05)',
  })
  period: string;

  @ApiProperty({ format: 'date', example: '2025-09-15' })
  @IsCalendarDate()
  dueDate: string;

  @ApiPropertyOptional({
    enum: INITIATIVE_STATUSES,
    isArray: true,
    default: DEFAULT_SCOPE_STATUSES,
    description: 'Initiatives in these statuses report',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(INITIATIVE_STATUSES, { each: true })
  scopeStatuses?: InitiativeStatus[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    nullable: true,
    description: 'Only initiatives these departments lead; omitted or null: every department',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  scopeDepartmentIds?: string[] | null;
}

export class ReportingRoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Delårsrapport augusti 2025' }) title: string;
  @ApiProperty({ example: '2025-H1' }) period: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: INITIATIVE_STATUSES, isArray: true }) scopeStatuses: InitiativeStatus[];
  @ApiProperty({ type: [String], format: 'uuid', nullable: true }) scopeDepartmentIds: string[] | null;
  @ApiProperty({ description: 'Who created the round (actor id)' }) createdBy: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The job run creating its status reports (GET /job-runs/{id})',
  })
  jobRunId: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ListReportingRoundsQueryDto extends PageQueryDto {}

export class DepartmentCompletionDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The lead department when the reports were created',
  })
  departmentId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Arbetsmarknad och samhällsstöd' }) departmentName:
    string | null;
  @ApiProperty({ example: 12, description: 'Status reports in the round' }) total: number;
  @ApiProperty({ example: 7, description: 'Submitted or approved' }) submitted: number;
  @ApiProperty({ example: 4, description: 'Of those, approved' }) approved: number;
  @ApiProperty({ example: 5, description: 'Not submitted yet: pending, or returned for completion' }) pending: number;
  @ApiProperty({ example: 0, description: 'Pending after the due date (as of today in TIME_ZONE)' }) overdue: number;
}

export class RoundCompletionDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ format: 'date', description: 'Today in TIME_ZONE, the day overdue is judged on' }) asOf: string;
  @ApiProperty({ type: [DepartmentCompletionDto], description: 'Most overdue first, then by name' })
  departments: DepartmentCompletionDto[];
  @ApiProperty({ type: DepartmentCompletionDto, description: 'The whole round' }) totals: Omit<
    DepartmentCompletionDto,
    'departmentId' | 'departmentName'
  >;
}
