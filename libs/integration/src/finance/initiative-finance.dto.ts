import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '#common';

export class InitiativeFinanceQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-06-15',
    description: 'The day judged: which funding runs, which actuals count. Default today in Europe/Stockholm.',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class FinanceMonthDto {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ type: 'integer', example: 250_000 }) budgetSek: number;
  @ApiProperty({ type: 'integer', example: 231_400 }) actualSek: number;
}

export class FinanceYearDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: 'integer', example: 3_000_000 }) budgetSek: number;
  @ApiProperty({ type: 'integer', example: 1_870_000 }) actualSek: number;
}

export class FinanceFundingLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Delegationen mot segregation (Delmos)' }) funder: string;
  @ApiProperty({ example: 'granted' }) status: string;
  @ApiProperty({ type: String, nullable: true, example: 'P5121' }) budgetProjectCode: string | null;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date' }) periodEnd: string;
  @ApiProperty({ type: 'integer', example: 2_000_000 }) amountSek: number;
  @ApiProperty({ type: 'integer', description: "Actuals on the line's own project code in the months of its period" })
  actualSek: number;
  @ApiProperty({ type: 'integer', description: 'amountSek − actualSek; negative when overspent' }) remainingSek: number;
}

export class FinanceForecastDto {
  @ApiProperty({ type: 'integer', description: 'Granted funding running on asOf' }) fundingSek: number;
  @ApiProperty({ example: '2026-01', description: 'The month the earliest of those lines starts' })
  fundingStarts: string;
  @ApiProperty({ format: 'date', description: 'The day the last of those lines ends' }) fundingEnds: string;
  @ApiProperty({ type: 'integer', description: "Actuals on the initiative's codes from fundingStarts to asOf" })
  spentSek: number;
  @ApiProperty({ type: 'integer', description: 'fundingSek − spentSek' }) remainingSek: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Mean monthly actuals over the last three months with actual lines',
  })
  monthlyRateSek: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-05' }) lastActualMonth: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-09',
    description: 'lastActualMonth + ceil(max(remainingSek, 0) / monthlyRateSek) months; null without spending',
  })
  runsOutMonth: string | null;
  @ApiProperty({
    description:
      'Spending runs ahead of the funding pro rata and the money runs out before the month the funding ends (the `overspending` alert)',
  })
  overspending: boolean;
}

/** An initiative's budget and actuals from the budget system, attached by the `projekt` dimension. */
export class InitiativeFinanceDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({
    type: [String],
    example: ['P5120', 'P5121'],
    description: "The initiative's and its funding lines' budget project codes",
  })
  projectCodes: string[];
  @ApiProperty({ type: [FinanceMonthDto] }) months: FinanceMonthDto[];
  @ApiProperty({ type: [FinanceYearDto] }) years: FinanceYearDto[];
  @ApiProperty({ type: [FinanceFundingLineDto] }) fundingLines: FinanceFundingLineDto[];
  @ApiProperty({
    type: 'integer',
    description:
      "Actuals on the initiative's own code when no funding line has that code: they count against the initiative as a whole",
  })
  initiativeCodeActualSek: number;
  @ApiProperty({ type: FinanceForecastDto, nullable: true, description: 'null when no granted funding runs on asOf' })
  forecast: FinanceForecastDto | null;
}

/**
 * OpenAPI example, consistent with the rules: 1,870,000 spent of 2,000,000 granted for 2026, the last three months'
 * mean 310,000, so the 130,000 left run out in June, well before the funding ends in December.
 */
const actuals = [460_000, 480_000, 300_000, 320_000, 310_000];
export const FINANCE_EXAMPLE = {
  asOf: '2026-06-15',
  initiativeId: '3f6e2c1a-8d4b-4e7a-9c1f-0b2d5e8a7c64',
  projectCodes: ['P5120', 'P5121'],
  months: actuals.map((actualSek, i) => ({ month: `2026-0${i + 1}`, budgetSek: 250_000, actualSek })),
  years: [{ year: 2026, budgetSek: 1_250_000, actualSek: 1_870_000 }],
  fundingLines: [
    {
      id: '9a1b7c3d-2e4f-4a6b-8c0d-1e2f3a4b5c6d',
      funder: 'Delegationen mot segregation (Delmos)',
      status: 'granted',
      budgetProjectCode: 'P5121',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      amountSek: 2_000_000,
      actualSek: 1_100_000,
      remainingSek: 900_000,
    },
  ],
  initiativeCodeActualSek: 770_000,
  forecast: {
    fundingSek: 2_000_000,
    fundingStarts: '2026-01',
    fundingEnds: '2026-12-31',
    spentSek: 1_870_000,
    remainingSek: 130_000,
    monthlyRateSek: 310_000,
    lastActualMonth: '2026-05',
    runsOutMonth: '2026-06',
    overspending: true,
  },
};
