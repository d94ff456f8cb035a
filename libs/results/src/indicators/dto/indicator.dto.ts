import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCode, IsOmittable, PageQueryDto, Trim } from '#common';
import { PERIOD_PATTERN } from '../indicator-value.rules.js';
import {
  BREAKDOWNS,
  INDICATOR_DIRECTIONS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  VALUE_AREAS,
  VALUE_KINDS,
  type Breakdown,
  type IndicatorDirection,
  type IndicatorSource,
  type IndicatorUnit,
  type ValueArea,
  type ValueKind,
} from '../indicator.vocabulary.js';

/** Figures far beyond any key figure are typing errors, not values. */
const MAX_FIGURE = 1e12;

export class CreateIndicatorDto {
  @ApiProperty({ example: 'SYSS-20-64', maxLength: 40 })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'Förvärvsarbetande invånare 20–64 år, andel (%)', maxLength: 300 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({
    enum: INDICATOR_UNITS,
    example: 'percent',
    description: 'percent, per_1000 and ratio are shares and may carry numerator and denominator.',
  })
  @IsIn(INDICATOR_UNITS)
  unit: IndicatorUnit;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS, example: 'increase', description: 'Which way is better.' })
  @IsIn(INDICATOR_DIRECTIONS)
  direction: IndicatorDirection;

  @ApiProperty({ enum: INDICATOR_SOURCES, example: 'kolada' })
  @IsIn(INDICATOR_SOURCES)
  source: IndicatorSource;

  @ApiPropertyOptional({ enum: BREAKDOWNS, isArray: true, default: [], example: ['sex', 'born'] })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(BREAKDOWNS, { each: true })
  breakdowns?: Breakdown[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    example: { all: 'N02267', 'born:abroad': 'N02268', 'born:sweden': 'N02269' },
    description:
      'Kolada indicators only (and required for them): the KPI id per breakdown cell; Kolada itself splits each KPI by sex.',
  })
  @IsOptional()
  @IsObject()
  koladaKpis?: Record<string, string> | null;

  @ApiProperty({
    format: 'uuid',
    description: 'The department that collects the figures; a department head names their own.',
  })
  @IsUUID()
  ownerDepartmentId: string;
}

export class IndicatorDto extends CreateIndicatorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: BREAKDOWNS, isArray: true }) declare breakdowns: Breakdown[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true }) declare koladaKpis: Record<
    string,
    string
  > | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ListIndicatorsQueryDto extends PageQueryDto {}

export class LinkIndicatorDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  indicatorId: string;
}

export class IndicatorLinkDto extends LinkIndicatorDto {
  @ApiProperty({ format: 'uuid' }) effectNodeId: string;
  @ApiProperty() createdAt: Date;
}

export class CreateIndicatorValueDto {
  @ApiProperty({ enum: VALUE_KINDS, example: 'measurement' })
  @IsIn(VALUE_KINDS)
  kind: ValueKind;

  @ApiProperty({
    example: '2024',
    description: 'A year, half, quarter or month: `2024`, `2024-H1`, `2024-Q3`, `2024-05`.',
  })
  @IsString()
  @Matches(PERIOD_PATTERN, {
    message: 'period must be a year, half, quarter or month: 2024, 2024-H1, 2024-Q3 or 2024-05',
  })
  period: string;

  @ApiPropertyOptional({
    example: 'sex:women',
    default: 'all',
    maxLength: 200,
    description:
      'The breakdown cell: `all`, or `breakdown:value` parts joined by commas, e.g. `sex:women,born:abroad`.',
  })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  cell?: string;

  @ApiProperty({ example: 64.2 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_FIGURE)
  @Max(MAX_FIGURE)
  value: number;

  @ApiPropertyOptional({
    example: 642,
    nullable: true,
    type: Number,
    description: 'With denominator, or not at all; value must be their quotient in the unit.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_FIGURE)
  numerator?: number | null;

  @ApiPropertyOptional({ example: 1000, nullable: true, type: Number })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(Number.MIN_VALUE, { message: 'denominator must be above 0' })
  @Max(MAX_FIGURE)
  denominator?: number | null;

  @ApiPropertyOptional({
    example: 1000,
    nullable: true,
    type: Number,
    description: 'How many persons the value rests on; below 5 it is suppressed outside the owning department.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  persons?: number | null;

  @ApiPropertyOptional({ example: 'Kolada, hämtad 2025-03-01', nullable: true, type: String, maxLength: 2000 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  sourceNote?: string | null;
}

/** A target is a value of kind `target`; the path says so. */
export class CreateTargetDto extends OmitType(CreateIndicatorValueDto, ['kind'] as const) {}

export class IndicatorValueDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty({ enum: VALUE_KINDS }) kind: ValueKind;
  @ApiProperty({
    enum: VALUE_AREAS,
    description: "`sweden`: Kolada's figure for the whole country (imported, for comparison).",
  })
  area: ValueArea;
  @ApiProperty({ example: '2024' }) period: string;
  @ApiProperty({ example: 'sex:women' }) cell: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null when suppressed' }) value: number | null;
  @ApiProperty({ nullable: true, type: Number }) numerator: number | null;
  @ApiProperty({ nullable: true, type: Number }) denominator: number | null;
  @ApiProperty({ nullable: true, type: Number }) persons: number | null;
  @ApiProperty({ nullable: true, type: String }) sourceNote: string | null;
  @ApiProperty({
    description:
      'Rests on fewer than 5 persons and the viewer is outside the owning department: the figures are withheld.',
  })
  suppressed: boolean;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ListValuesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VALUE_KINDS })
  @IsOptional()
  @IsIn(VALUE_KINDS)
  kind?: ValueKind;

  @ApiPropertyOptional({
    enum: VALUE_AREAS,
    default: 'municipality',
    description: "`sweden` lists Kolada's figures for the whole country.",
  })
  @IsOptional()
  @IsIn(VALUE_AREAS)
  area?: ValueArea;
}

/** Targets are listed without a kind filter: the path names it. */
export class ListTargetsQueryDto extends PageQueryDto {}

export class SeriesPointDto {
  @ApiProperty({ example: '2024' }) period: string;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
  @ApiProperty() suppressed: boolean;
}

export class TargetProgressDto extends SeriesPointDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.4,
    description:
      '(latest actual − baseline) / (target − baseline): 0 at the baseline, 1 at the target, for falling indicators too; null without the figures.',
  })
  progress: number | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'The latest actual is at or beyond the target in the desired direction.',
  })
  achieved: boolean | null;
}

export class ComparisonPointDto {
  @ApiProperty({ example: '2024' }) period: string;
  @ApiProperty({ example: 72.4 }) value: number;
}

export class CellSeriesDto {
  @ApiProperty({ example: 'all' }) cell: string;
  @ApiProperty({ type: SeriesPointDto, nullable: true }) baseline: SeriesPointDto | null;
  @ApiProperty({ type: SeriesPointDto, nullable: true, description: 'The latest actual.' })
  latest: SeriesPointDto | null;
  @ApiProperty({ type: [TargetProgressDto] }) targets: TargetProgressDto[];
  @ApiProperty({ type: [SeriesPointDto], description: 'Measurements by period, oldest first.' })
  actuals: SeriesPointDto[];
  @ApiProperty({
    type: [ComparisonPointDto],
    description:
      "Sweden's measurements (Kolada 0000) by period, oldest first, to compare with; not in progress or gaps.",
  })
  sweden: ComparisonPointDto[];
}

export class KoladaKpiTitleDto {
  @ApiProperty({ example: 'all' }) cell: string;
  @ApiProperty({ example: 'N02267' }) kpi: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Förvärvsarbetande invånare 20-64 år, andel (%)',
    description: 'null until the Kolada import has fetched it.',
  })
  title: string | null;
}

export class CellGapDto {
  @ApiProperty({ example: 'sex' }) breakdown: string;
  @ApiProperty({ example: 'sex:women' }) minuend: string;
  @ApiProperty({ example: 'sex:men' }) subtrahend: string;
  @ApiProperty({ example: '2024' }) period: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: -3,
    description: 'minuend − subtrahend; null when either is missing or suppressed.',
  })
  gap: number | null;
}

export class IndicatorSeriesDto {
  @ApiProperty({ type: () => IndicatorDto }) indicator: IndicatorDto;
  @ApiProperty({ type: [CellSeriesDto] }) cells: CellSeriesDto[];
  @ApiProperty({
    type: [CellGapDto],
    description: 'Women − men and born abroad − born in Sweden in the latest period with measurements.',
  })
  gaps: CellGapDto[];
  @ApiProperty({
    type: [KoladaKpiTitleDto],
    description: "A Kolada indicator's KPIs per cell with Kolada's titles; empty for other sources.",
  })
  kolada: KoladaKpiTitleDto[];
}

export class ImportResultDto {
  @ApiProperty({ example: 12, description: 'Values written.' }) written: number;
}

export class IndicatorOverviewDto {
  @ApiProperty({ type: () => IndicatorDto }) indicator: IndicatorDto;
  @ApiProperty({
    type: CellSeriesDto,
    description: 'The whole population (cell `all`), as GET /indicators/{id}/series gives it.',
  })
  series: CellSeriesDto;
}
