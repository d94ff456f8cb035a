import { ApiProperty } from '@nestjs/swagger';
import { GOAL_LEVELS, type GoalLevel } from '#goals';
import { InitiativeFiltersQueryDto } from '#portfolio';
import { INDICATOR_DIRECTIONS, INDICATOR_UNITS, type IndicatorDirection, type IndicatorUnit } from '#results';
import { INDICATOR_TRENDS, type IndicatorTrend } from './indicator-trends.js';

/** The same filters as GET /initiatives, without paging and sort: they choose the initiatives counted. */
export class GoalTreeFiguresQueryDto extends InitiativeFiltersQueryDto {}

const count = (description: string) => ApiProperty({ type: 'integer', minimum: 0, description });

export class GoalIndicatorPointDto {
  @ApiProperty({ example: '2024' }) period: string;
  @ApiProperty({ example: 12.4 }) value: number;
}

export class GoalIndicatorTrendDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'UNGA-UVAS' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INDICATOR_UNITS }) unit: IndicatorUnit;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS, description: 'Which way is better.' }) direction: IndicatorDirection;
  @ApiProperty({
    type: GoalIndicatorPointDto,
    nullable: true,
    description:
      'The latest measurement for the whole population (cell `all`) by period end; values on fewer than 5 persons left out.',
  })
  latest: GoalIndicatorPointDto | null;
  @ApiProperty({ type: GoalIndicatorPointDto, nullable: true, description: 'The measurement before it.' })
  previous: GoalIndicatorPointDto | null;
  @ApiProperty({
    type: String,
    enum: INDICATOR_TRENDS,
    nullable: true,
    description: 'latest against previous, judged by direction; null with fewer than two measurements.',
  })
  trend: IndicatorTrend | null;
}

export class GoalTreeFiguresNodeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'FP-3' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: GOAL_LEVELS }) level: GoalLevel;
  @ApiProperty({ example: 'Färdplan för social hållbarhet' }) framework: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @count(
    'Initiatives linked to this goal or any goal under it, each once: the total of GET /initiatives?goalId=<id> with the same filters.',
  )
  initiatives: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Sum of the annual cost of those initiatives, each once.' })
  annualCostSek: number;
  @count('Of those, the initiatives without an annual cost.') initiativesWithoutAnnualCost: number;
  @count('Initiatives linked to this goal itself.') directInitiatives: number;
  @ApiProperty({
    type: [GoalIndicatorTrendDto],
    description: "Indicators measuring a node of this goal's own effect-logic chain, by code.",
  })
  indicators: GoalIndicatorTrendDto[];
  @ApiProperty({
    type: () => [GoalTreeFiguresNodeDto],
    description: 'The goals directly under this one, by level then code.',
  })
  children: GoalTreeFiguresNodeDto[];
}
