import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  IsCalendarDate,
  IsCode,
  IsOmittable,
  IsOnOrAfter,
  IsWholeKronor,
  MAX_AMOUNT_SEK,
  PageQueryDto,
  PatchType,
  Trim,
} from '#common';
import {
  COVERAGE_DECISIONS,
  FUNDING_SOURCE_TYPES,
  FUNDING_STATUSES,
  REPORTING_DEADLINE_KINDS,
  type CoverageDecision,
  type FundingSourceType,
  type FundingStatus,
  type ReportingDeadlineKind,
} from '../funding-line.entity.js';

/** The coverage decision's note, on a funding line and on `PUT /funding/{id}/coverage-decision` alike. */
const CoverageNote = () =>
  applyDecorators(
    ApiPropertyOptional({
      maxLength: 2000,
      nullable: true,
      type: String,
      example: 'Tas in i ramen från 2026 enligt KS beslut.',
    }),
    IsOptional(),
    Trim(),
    IsString(),
    IsNotEmpty(),
    MaxLength(2000),
  );

const CoverageDecidedBy = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: 200, nullable: true, type: String, description, example: 'Kommunstyrelsen' }),
    IsOptional(),
    Trim(),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
  );

export const MAX_REPORTING_DEADLINES = 50;
export const PERIOD_ORDER_MESSAGE = 'periodEnd must be on or after periodStart';

/** One of the funder's deadlines: an interim report, the final report or a claim for payment. */
export class ReportingDeadlineDto {
  @ApiProperty({ format: 'date', example: '2025-09-30' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ enum: REPORTING_DEADLINE_KINDS, example: 'final' })
  @IsIn(REPORTING_DEADLINE_KINDS)
  kind: ReportingDeadlineKind;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, example: 'Slutredovisning till Länsstyrelsen' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description?: string | null;
}

export class CreateFundingLineDto {
  @ApiProperty({ enum: FUNDING_SOURCE_TYPES, example: 'state_grant' })
  @IsIn(FUNDING_SOURCE_TYPES)
  sourceType: FundingSourceType;

  @ApiProperty({ maxLength: 200, example: 'Länsstyrelsen Västra Götaland' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  funder: string;

  @ApiPropertyOptional({
    maxLength: 100,
    nullable: true,
    type: String,
    description: "The funder's diarienummer",
    example: '851-12345-2024',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decisionReference?: string | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_AMOUNT_SEK,
    description: 'Whole kronor',
    example: 1_200_000,
  })
  @IsWholeKronor()
  amountSek: number;

  @ApiProperty({ format: 'date', example: '2024-01-01' })
  @IsCalendarDate()
  periodStart: string;

  @ApiProperty({
    format: 'date',
    example: '2025-06-30',
    description: 'The expiry: the last day the line pays for; on or after periodStart.',
  })
  @IsCalendarDate()
  @IsOnOrAfter('periodStart', { message: PERIOD_ORDER_MESSAGE })
  periodEnd: string;

  @ApiPropertyOptional({ enum: FUNDING_STATUSES, default: 'applied' })
  @IsOmittable()
  @IsIn(FUNDING_STATUSES)
  status?: FundingStatus;

  @ApiPropertyOptional({ default: false })
  @IsOmittable()
  @IsBoolean()
  renewable?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'The funder pays afterwards (ESF+), so the municipality pre-finances.',
  })
  @IsOmittable()
  @IsBoolean()
  paidInArrears?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A line of the same initiative that takes over when this one ends.',
  })
  @IsOptional()
  @IsUUID()
  successorFundingId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The `projekt` code the budget system books this line on.',
    example: 'P4711',
  })
  @IsOptional()
  @IsCode()
  budgetProjectCode?: string | null;

  @ApiPropertyOptional({ type: [ReportingDeadlineDto], maxItems: MAX_REPORTING_DEADLINES, default: [] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_REPORTING_DEADLINES)
  @ValidateNested({ each: true })
  @Type(() => ReportingDeadlineDto)
  reportingDeadlines?: ReportingDeadlineDto[];

  @ApiPropertyOptional({
    enum: COVERAGE_DECISIONS,
    default: 'undecided',
    description: 'What happens when the money ends.',
  })
  @IsOmittable()
  @IsIn(COVERAGE_DECISIONS)
  coverageDecision?: CoverageDecision;

  @CoverageNote()
  coverageNote?: string | null;

  @CoverageDecidedBy('Who took the coverage decision')
  coverageDecidedBy?: string | null;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    description: 'When the coverage decision was taken',
    example: '2025-03-12',
  })
  @IsOptional()
  @IsCalendarDate()
  coverageDecidedOn?: string | null;
}

/** Every field optional; null only where the field itself is nullable. */
export class UpdateFundingLineDto extends PatchType(CreateFundingLineDto) {}

export class FundingLineDto extends CreateFundingLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({ nullable: true, type: String }) declare decisionReference: string | null;
  @ApiProperty({ enum: FUNDING_STATUSES }) declare status: FundingStatus;
  @ApiProperty() declare renewable: boolean;
  @ApiProperty() declare paidInArrears: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) declare successorFundingId: string | null;
  @ApiProperty({ nullable: true, type: String }) declare budgetProjectCode: string | null;
  @ApiProperty({ type: [ReportingDeadlineDto] }) declare reportingDeadlines: ReportingDeadlineDto[];
  @ApiProperty({ enum: COVERAGE_DECISIONS }) declare coverageDecision: CoverageDecision;
  @ApiProperty({ nullable: true, type: String }) declare coverageNote: string | null;
  @ApiProperty({ nullable: true, type: String }) declare coverageDecidedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) declare coverageDecidedOn: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ListFundingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FUNDING_STATUSES })
  @IsOptional()
  @IsIn(FUNDING_STATUSES)
  status?: FundingStatus;
}

/** `PUT /funding/{id}/coverage-decision`: what happens when the line ends, recorded by the lead department's head or leadership. */
export class CoverageDecisionDto {
  @ApiProperty({
    enum: COVERAGE_DECISIONS,
    example: 'ordinary_budget',
    description: '`undecided` withdraws a recorded decision (who and when are cleared).',
  })
  @IsIn(COVERAGE_DECISIONS)
  decision: CoverageDecision;

  @CoverageNote()
  note?: string | null;

  @CoverageDecidedBy('Who took the decision; defaults to the name of the person recording it')
  decidedBy?: string | null;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    description: 'When the decision was taken; defaults to today (Europe/Stockholm)',
    example: '2025-03-12',
  })
  @IsOptional()
  @IsCalendarDate()
  decidedOn?: string | null;
}
