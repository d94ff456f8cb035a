import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQueryDto, QueryInt } from '#common';
import {
  COVERAGE_DECISIONS,
  FUNDING_SOURCE_TYPES,
  type CoverageDecision,
  type FundingSourceType,
} from '../funding-line.entity.js';

export const MAX_CLIFF_MONTHS = 60;
const MONTH = /^[12]\d{3}-(0[1-9]|1[0-2])$/;
export const DEFAULT_CLIFF_MONTHS = 24;

export class FundingCliffQueryDto {
  @ApiPropertyOptional({
    pattern: '^[12][0-9]{3}-(0[1-9]|1[0-2])$',
    example: '2026-01',
    description: 'The first month (YYYY-MM); default the current month in Europe/Stockholm.',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month written YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_CLIFF_MONTHS,
    default: DEFAULT_CLIFF_MONTHS,
    description: 'How many months from `from` on.',
  })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(MAX_CLIFF_MONTHS)
  months: number = DEFAULT_CLIFF_MONTHS;
}

/** GET /portfolio/funding-cliff/months/{month}. */
export class CliffMonthParamsDto {
  @ApiProperty({ pattern: '^[12][0-9]{3}-(0[1-9]|1[0-2])$', example: '2027-06', description: 'The month (YYYY-MM).' })
  @Matches(MONTH, { message: 'month must be a month written YYYY-MM' })
  month: string;
}

/**
 * GET /portfolio/funding-cliff/earlier/initiatives: the window's first month alone (the cliffs before it do not depend
 * on its length), and the page.
 */
export class CliffEarlierQueryDto extends IntersectionType(PickType(FundingCliffQueryDto, ['from']), PageQueryDto) {}

export class CliffDepartmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ASF' }) code: string;
  @ApiProperty({ example: 'Arbetsmarknads- och socialförvaltningen' }) name: string;
}

export class CliffLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FUNDING_SOURCE_TYPES }) sourceType: FundingSourceType;
  @ApiProperty({ example: 'Delegationen mot segregation (Delmos)' }) funder: string;
  @ApiProperty({ type: 'integer', example: 10_200_000 }) amountSek: number;
  @ApiProperty({
    type: 'integer',
    example: 10_200_000,
    description:
      'The part of amountSek nothing takes over: all of it, unless granted lines of the initiative starting in its last month or the day after its end pay part of what it paid a month (then the rest, in proportion).',
  })
  notTakenOverSek: number;
  @ApiProperty({ format: 'date', example: '2024-12-31' }) periodEnd: string;
  @ApiProperty({ enum: COVERAGE_DECISIONS }) coverageDecision: CoverageDecision;
}

export class CliffInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'FALTARBETARE' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: CliffDepartmentDto, nullable: true }) leadDepartment: CliffDepartmentDto | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 3_400_000 }) annualCostSek: number | null;
  @ApiProperty({
    type: [CliffLineDto],
    description: 'The temporary lines that end with nothing, or not enough, to take over.',
  })
  lines: CliffLineDto[];
  @ApiProperty({
    description: 'Every one of these lines has a recorded coverage decision: shown, but not counted in the totals.',
  })
  coverageDecided: boolean;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      "Annual cost minus what the initiative's other granted lines still running afterwards pay a year (each line's amount spread evenly over its months, × 12), never below 0; " +
      '0 when coverageDecided (the decision says what happens, so nothing is left for the cliff); null only when the initiative has no annual cost.',
  })
  uncoveredAnnualCostSek: number | null;
}

/** What a month's, a budget year's or the earlier cliffs' entries add up to: the figures of both cliff reads. */
export class CliffTotalsDto {
  @ApiProperty({
    type: 'integer',
    description:
      'Kronor of the temporary lines ending here with coverage undecided, less what other lines take over (their notTakenOverSek).',
  })
  fundingEndingSek: number;
  @ApiProperty({ type: 'integer', description: "Sum of the undecided initiatives' uncovered annual cost." })
  uncoveredAnnualCostSek: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Initiatives counted in the kronor: with at least one line ending here with coverage undecided.',
  })
  initiativesUndecided: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      'Initiatives whose lines ending here all have a coverage decision (the full report lists them); not counted in the kronor.',
  })
  initiativesCoverageDecided: number;
}

/** A group's totals for the initiatives one department leads. */
export class CliffDepartmentTotalsDto extends CliffTotalsDto {
  @ApiProperty({
    type: CliffDepartmentDto,
    nullable: true,
    description: 'The lead department; null for the initiatives without one.',
  })
  department: CliffDepartmentDto | null;
}

/** A group's totals split by lead department, which add up to the group's. */
class CliffDepartmentsDto {
  @ApiProperty({
    type: [CliffDepartmentTotalsDto],
    description:
      'Every lead department with an initiative in the group: the largest uncovered annual cost first, then by code; the initiatives without a lead department last.',
  })
  departments: CliffDepartmentTotalsDto[];
}

/** The totals of the cliffs before the window still open, with their departments. */
export class CliffEarlierTotalsDto extends IntersectionType(CliffTotalsDto, CliffDepartmentsDto) {}

export class CliffMonthTotalsDto extends CliffTotalsDto {
  @ApiProperty({ example: '2027-06' }) month: string;
}

export class CliffBudgetYearTotalsDto extends IntersectionType(CliffTotalsDto, CliffDepartmentsDto) {
  @ApiProperty({
    example: 2027,
    description: 'The calendar year; at the edges of the window only its months inside the window count.',
  })
  year: number;
}

/** The initiatives behind a group's totals, which the full report lists with them. */
class CliffInitiativesDto {
  @ApiProperty({ type: [CliffInitiativeDto], description: 'The undecided initiatives first, then the decided ones.' })
  initiatives: CliffInitiativeDto[];
}

export class CliffListedTotalsDto extends IntersectionType(CliffEarlierTotalsDto, CliffInitiativesDto) {}

export class CliffMonthDto extends IntersectionType(CliffMonthTotalsDto, CliffInitiativesDto) {}

export class CliffBudgetYearDto extends IntersectionType(CliffBudgetYearTotalsDto, CliffInitiativesDto) {}

/** The cliff's totals without the initiatives: what the overview's chart and table show. */
export class FundingCliffTotalsDto {
  @ApiProperty({ example: '2026-11' }) from: string;
  @ApiProperty({ example: '2028-10', description: 'The last month, inclusive.' }) to: string;
  @ApiProperty({ type: [CliffMonthTotalsDto], description: 'Every month of the window, in order.' })
  months: CliffMonthTotalsDto[];
  @ApiProperty({
    type: [CliffBudgetYearTotalsDto],
    description: 'Every calendar year the window touches, in order: its months inside the window together.',
  })
  budgetYears: CliffBudgetYearTotalsDto[];
  @ApiProperty({
    type: CliffEarlierTotalsDto,
    description:
      'Cliffs before `from` that are still open: the line ended, nothing took over, coverage undecided, the initiative runs on and is not covered now.',
  })
  endedEarlier: CliffEarlierTotalsDto;
}

/** The whole report: the totals, each with the initiatives and lines behind it. */
export class FundingCliffDto extends FundingCliffTotalsDto {
  @ApiProperty({ type: [CliffMonthDto] }) override months: CliffMonthDto[];
  @ApiProperty({ type: [CliffBudgetYearDto] }) override budgetYears: CliffBudgetYearDto[];
  @ApiProperty({ type: CliffListedTotalsDto }) override endedEarlier: CliffListedTotalsDto;
}
