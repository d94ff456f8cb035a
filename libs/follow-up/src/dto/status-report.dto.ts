import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsWholeKronor, MAX_AMOUNT_SEK, PageQueryDto, QueryList, Trim } from '#common';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_UNITS,
  VALUE_AREAS,
  type IndicatorDirection,
  type IndicatorUnit,
  type ValueArea,
} from '#results';
import {
  RAG_STATUSES,
  STATUS_REPORT_STATUSES,
  type RagStatus,
  type StatusReportStatus,
} from '../status-report.entity.js';

const TEXT_MAX = 10_000;

export const STATUS_REPORT_SORTS = ['-createdAt', 'dueDate'] as const;
export type StatusReportSort = (typeof STATUS_REPORT_SORTS)[number];

/** What the department writes; null clears a field. */
export class UpdateStatusReportDto {
  @ApiPropertyOptional({ enum: RAG_STATUSES, nullable: true, example: 'amber' })
  @IsOptional()
  @IsIn(RAG_STATUSES)
  ragStatus?: RagStatus | null;

  @ApiPropertyOptional({
    maxLength: TEXT_MAX,
    nullable: true,
    type: String,
    example: 'Rekryteringen av fältarbetare är klar; uppsökande arbete pågår i Kronogården.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  progress?: string | null;

  @ApiPropertyOptional({
    maxLength: TEXT_MAX,
    nullable: true,
    type: String,
    example: 'Statsbidraget upphör i juni; beslut om fortsatt finansiering saknas.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  risks?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_AMOUNT_SEK,
    nullable: true,
    description: 'Whole kronor spent so far',
    example: 850_000,
  })
  @IsOptional()
  @IsWholeKronor()
  spendingToDateSek?: number | null;
}

export class ReturnStatusReportDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'Komplettera med hur medlen har använts under perioden.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment: string;
}

export class ListStatusReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roundId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  initiativeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The lead department when the report was created' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Reports of the initiatives this department leads or co-owns now: the ones it writes and submits',
  })
  @IsOptional()
  @IsUUID()
  ownerDepartmentId?: string;

  @ApiPropertyOptional({
    description: 'One or more statuses, comma-separated',
    enum: STATUS_REPORT_STATUSES,
    isArray: true,
  })
  @IsOptional()
  @QueryList()
  @IsIn(STATUS_REPORT_STATUSES, { each: true })
  @ArrayMaxSize(STATUS_REPORT_STATUSES.length)
  status?: StatusReportStatus[];

  @ApiPropertyOptional({
    enum: STATUS_REPORT_SORTS,
    default: '-createdAt',
    description: '`dueDate`: the round due first comes first (what to do next); `-createdAt`: newest first',
  })
  @IsOptional()
  @IsIn(STATUS_REPORT_SORTS)
  sort?: StatusReportSort;
}

export class StatusReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The lead department when the report was created',
  })
  departmentId: string | null;
  @ApiProperty({ enum: STATUS_REPORT_STATUSES }) status: StatusReportStatus;
  @ApiProperty({ enum: RAG_STATUSES, nullable: true }) ragStatus: RagStatus | null;
  @ApiProperty({ type: String, nullable: true }) progress: string | null;
  @ApiProperty({ type: String, nullable: true }) risks: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole kronor' }) spendingToDateSek: number | null;
  @ApiProperty({ type: String, nullable: true }) submittedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) returnComment: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ReportIndicatorValueDto {
  @ApiProperty({ example: 'sex:women' }) cell: string;
  @ApiProperty({ enum: VALUE_AREAS, description: '`sweden`: Kolada’s figure for the whole country, to compare with' })
  area: ValueArea;
  @ApiProperty({ example: '2025-Q1', description: 'Within the round’s period' }) period: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null when suppressed' }) value: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null when suppressed' }) persons: number | null;
  @ApiProperty({
    description:
      'Rests on fewer than 5 persons and the viewer is outside the owning department: the figures are withheld.',
  })
  suppressed: boolean;
}

export class ReportIndicatorDto {
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty({ example: 'UNGA-SYSS' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INDICATOR_UNITS }) unit: IndicatorUnit;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS }) direction: IndicatorDirection;
  @ApiProperty({
    type: [ReportIndicatorValueDto],
    description: 'Measurements whose period lies within the round’s period, by cell (`all` first), latest first',
  })
  values: ReportIndicatorValueDto[];
}

/** The round a report answers, as much as a reader needs to place it. */
export class StatusReportRoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Delårsrapport augusti 2025' }) title: string;
  @ApiProperty({ example: '2025-H1' }) period: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class StatusReportInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SSPF' }) code: string;
  @ApiProperty({ example: 'SSPF – skola, socialtjänst, polis och fritid' }) title: string;
}

export class StatusReportWithIndicatorsDto extends StatusReportDto {
  @ApiProperty({ type: StatusReportRoundDto }) round: StatusReportRoundDto;
  @ApiProperty({ type: StatusReportInitiativeDto }) initiative: StatusReportInitiativeDto;
  @ApiProperty({
    description: 'Not yet submitted (pending or returned) after the round’s due date, as of today in TIME_ZONE',
  })
  overdue: boolean;

  @ApiProperty({
    type: [ReportIndicatorDto],
    description: 'The indicators the initiative’s follow-up plan names, in its order',
  })
  indicators: ReportIndicatorDto[];
}
