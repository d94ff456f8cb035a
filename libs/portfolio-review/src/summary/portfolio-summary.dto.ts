import { ApiProperty } from '@nestjs/swagger';
import { InitiativeFiltersQueryDto } from '#portfolio';

/** The same filters as GET /initiatives, without paging and sort. */
export class PortfolioSummaryQueryDto extends InitiativeFiltersQueryDto {}

const count = (description?: string) => ApiProperty({ type: 'integer', minimum: 0, description });
const kronor = (description: string) => ApiProperty({ type: 'integer', description });
const share = (description: string) =>
  ApiProperty({ type: 'number', nullable: true, minimum: 0, maximum: 1, description });

export class SummaryDepartmentCountDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ASF' }) code: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @count() count: number;
}

export class SummaryPriorityAreaCountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @count() count: number;
  @kronor('Sum of the annual cost of the initiatives under the area.') annualCostSek: number;
}

export class SummaryPriorityAreasDto {
  @ApiProperty({
    type: [SummaryPriorityAreaCountDto],
    description:
      'Initiatives under each priority area above (or at) their linked goals; an initiative under two areas counts in both.',
  })
  areas: SummaryPriorityAreaCountDto[];
  @count('Initiatives under no priority area (no goal, or none of their goals below one).') unlinked: number;
}

export class SummaryCodeCountDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @count() count: number;
}

export class SummaryAnnualCostDto {
  @kronor("Sum of the initiatives' annual cost.") totalSek: number;
  @count() initiativesWithoutAnnualCost: number;
  @kronor("What granted lines running today pay a year: each line's amount spread evenly over its months, × 12.")
  fundedPerYearSek: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'fundedPerYearSek per funding source type (every type, 0 when none).',
  })
  bySourceType: Record<string, number>;
  @kronor('The part of fundedPerYearSek not from ordinary_budget.') temporarySek: number;
  @share('temporarySek / fundedPerYearSek, four decimals; null when nothing is funded.') temporaryShare: number | null;
}

export class SummaryFundingCliffDto {
  @ApiProperty({ example: 2027, description: 'The next budget year (the calendar year after today).' }) year: number;
  @kronor(
    "Temporary funding ending in the year with coverage undecided, less what other lines take over (the funding cliff's fundingEndingSek for the year).",
  )
  fundingEndingSek: number;
  @kronor('What it costs a year to keep those initiatives going after their last cliff of the year.')
  uncoveredAnnualCostSek: number;
  @count("Initiatives with an undecided cliff in the year: the funding cliff's initiativesUndecided for the year.")
  initiatives: number;
  @count('Initiatives whose cliffs in the year all have a coverage decision (not counted in the kronor).')
  initiativesCoverageDecided: number;
}

export class SummaryAlertKindDto {
  @ApiProperty() kind: string;
  @count() total: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Only the severities present.',
  })
  bySeverity: Record<string, number>;
}

export class SummaryAlertsDto {
  @count('Alerts open or acknowledged on the filtered initiatives.') total: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { info: 0, warning: 2, critical: 1 },
  })
  bySeverity: Record<string, number>;
  @ApiProperty({ type: [SummaryAlertKindDto] }) byKind: SummaryAlertKindDto[];
}

export class SummaryFollowUpDto {
  @count('Approved or active initiatives: the base of both shares.') initiatives: number;
  @count() withFollowUpPlan: number;
  @share('withFollowUpPlan / initiatives.') followUpPlanShare: number | null;
  @count('Initiatives with a report in a reporting round due by today.') withReportDue: number;
  @count(
    'Initiatives whose report in their latest round due by today is submitted or approved, submitted by the due date.',
  )
  reportedOnTime: number;
  @share('reportedOnTime / initiatives.') reportedOnTimeShare: number | null;
}

export class PortfolioSummaryDto {
  @count('Initiatives matching the filters.') initiatives: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Every status, 0 when none.' })
  byStatus: Record<string, number>;
  @ApiProperty({ type: [SummaryDepartmentCountDto] }) byLeadDepartment: SummaryDepartmentCountDto[];
  @ApiProperty({ type: SummaryPriorityAreasDto }) byPriorityArea: SummaryPriorityAreasDto;
  @ApiProperty({ type: [SummaryCodeCountDto] }) byTargetGroup: SummaryCodeCountDto[];
  @ApiProperty({ type: [SummaryCodeCountDto] }) byDistrict: SummaryCodeCountDto[];
  @ApiProperty({ type: SummaryAnnualCostDto }) annualCost: SummaryAnnualCostDto;
  @ApiProperty({ type: SummaryFundingCliffDto }) fundingCliff: SummaryFundingCliffDto;
  @ApiProperty({ type: SummaryAlertsDto }) openAlerts: SummaryAlertsDto;
  @ApiProperty({ type: SummaryFollowUpDto }) followUp: SummaryFollowUpDto;
}
