import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { PageQueryDto } from '#common';
import { InitiativeFiltersQueryDto } from '#portfolio';
import { READINESS_CHECKS } from './readiness-checks.js';

/** The initiative list's filters, with paging (the order is fixed: score ascending, then code). */
export class PortfolioReadinessQueryDto extends IntersectionType(InitiativeFiltersQueryDto, PageQueryDto) {}

const share = (description: string) =>
  ApiProperty({ type: 'number', nullable: true, minimum: 0, maximum: 1, description });

const checksSchema = (description: string, type: 'boolean' | 'number') => ({
  type: 'object' as const,
  description,
  properties: Object.fromEntries(READINESS_CHECKS.map((c) => [c, { type, nullable: c === 'coverageDecision' }])),
});

export class ReadinessDepartmentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ASF' }) code: string;
  @ApiProperty() name: string;
}

export class ReadinessInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: ReadinessDepartmentRefDto, nullable: true }) leadDepartment: ReadinessDepartmentRefDto | null;
  @share('Share of the applicable checks met, four decimals.') score: number;
  @ApiProperty(checksSchema('Each check met or not; coverageDecision is null without temporary money.', 'boolean'))
  checks: Record<string, boolean | null>;
  @ApiProperty({ type: [String], enum: READINESS_CHECKS, description: 'The checks not met, in check order.' })
  missing: string[];
}

export class ReadinessGroupDto {
  @ApiProperty({ type: 'integer', minimum: 0 }) initiatives: number;
  @share("Mean score of the group's initiatives.") score: number;
  @ApiProperty(
    checksSchema(
      "Per check, the share of the group's initiatives meeting it; coverageDecision over those with temporary money (null when none).",
      'number',
    ),
  )
  checks: Record<string, number | null>;
}

export class ReadinessDepartmentDto extends ReadinessGroupDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: initiatives without a lead department.',
  })
  id: string | null;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class ReadinessPriorityAreaDto extends ReadinessGroupDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
}

export class ReadinessPriorityAreasDto {
  @ApiProperty({
    type: [ReadinessPriorityAreaDto],
    description:
      'Initiatives under each priority area above (or at) their linked goals; an initiative under two areas counts in both.',
  })
  areas: ReadinessPriorityAreaDto[];
  @ApiProperty({
    type: ReadinessGroupDto,
    nullable: true,
    description: 'Initiatives under no priority area; null when there are none.',
  })
  unlinked: ReadinessGroupDto | null;
}

export class PortfolioReadinessDto {
  @ApiProperty({
    type: [ReadinessInitiativeDto],
    description: 'One page of the approved or active initiatives, by score ascending, then code.',
  })
  initiatives: ReadinessInitiativeDto[];
  @ApiProperty({ type: 'integer', description: 'Approved or active initiatives matching the filters.' }) total: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
  @ApiProperty({
    type: [ReadinessDepartmentDto],
    description: 'By lead department, over every matching initiative (not just the page).',
  })
  byDepartment: ReadinessDepartmentDto[];
  @ApiProperty({ type: ReadinessPriorityAreasDto }) byPriorityArea: ReadinessPriorityAreasDto;
}
