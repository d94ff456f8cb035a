import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '#common';

export class InitiativeFinanceQueryDto {
  @ApiPropertyOptional({ format: 'date', example: '2026-06-15', description: 'The day judged: which funding runs, which actuals count. Default today in Europe/Stockholm.' })
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
  @ApiProperty({ type: 'integer', description: "Actuals on the line's own project code in the months of its period" }) actualSek: number;
  @ApiProperty({ type: 'integer', description: 'amountSek − actualSek; negative when overspent' }) remainingSek: number;
}

export class FinanceForecastDto {
  @ApiProperty({ type: 'integer', description: 'Granted funding running on asOf' }) fundingSek: number;
  @ApiProperty({ example: '2026-01', description: 'The month the earliest of those lines starts' }) fundingStarts: string;
  @ApiProperty({ format: 'date', description: 'The day the last of those lines ends' }) fundingEnds: string;
  @ApiProperty({ type: 'integer', description: "Actuals on the initiative's codes from fundingStarts to asOf" }) spentSek: number;
  @ApiProperty({ type: 'integer', description: 'fundingSek − spentSek' }) remainingSek: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Mean monthly actuals over the last three months with actual lines' }) monthlyRateSek: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-05' }) lastActualMonth: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-09', description: 'lastActualMonth + ceil(max(remainingSek, 0) / monthlyRateSek) months; null without spending' })
  runsOutMonth: string | null;
  @ApiProperty({ description: 'Spending runs ahead of the funding pro rata and the money runs out before the month the funding ends (the `overspending` alert)' })
  overspending: boolean;
}

/** An initiative's budget and actuals from the budget system, attached by the `projekt` dimension. */
export class InitiativeFinanceDto {
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({ type: [String], example: ['P5120', 'P5121'], description: "The initiative's and its funding lines' budget project codes" }) projectCodes: string[];
  @ApiProperty({ type: [FinanceMonthDto] }) months: FinanceMonthDto[];
  @ApiProperty({ type: [FinanceYearDto] }) years: FinanceYearDto[];
  @ApiProperty({ type: [FinanceFundingLineDto] }) fundingLines: FinanceFundingLineDto[];
  @ApiProperty({ type: 'integer', description: "Actuals on the initiative's own code when no funding line has that code: they count against the initiative as a whole" })
  initiativeCodeActualSek: number;
  @ApiProperty({ type: FinanceForecastDto, nullable: true, description: 'null when no granted funding runs on asOf' }) forecast: FinanceForecastDto | null;
}
