import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min, ValidateBy } from 'class-validator';
import { QueryInt } from '#common';
import { COVERAGE_DECISIONS, FUNDING_STATUSES, type CoverageDecision, type FundingStatus } from '#funding';
import { INITIATIVE_KINDS, INITIATIVE_STATUSES, type InitiativeKind, type InitiativeStatus } from '#portfolio';
import { decodeCursor } from './changes-feed-cursor.js';

export const FEED_DEFAULT_LIMIT = 500;
export const FEED_MAX_LIMIT = 5000;
export const FEED_ENTITY_KINDS = ['initiative', 'funding_line'] as const;
export type FeedEntityKind = (typeof FEED_ENTITY_KINDS)[number];

export class ChangesFeedQueryDto {
  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page; left out, the feed starts from the beginning.',
    example: 'djEuNzQxLjEy',
  })
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'isChangesFeedCursor',
    validator: {
      validate: (value) => typeof value === 'string' && decodeCursor(value) !== null,
      defaultMessage: () => 'cursor is not one this feed gave out',
    },
  })
  cursor?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: FEED_MAX_LIMIT,
    default: FEED_DEFAULT_LIMIT,
    description: 'Changes per page; values above 5,000 are capped at 5,000.',
  })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Transform(
    ({ value }: { value: unknown }) => (typeof value === 'number' && value > FEED_MAX_LIMIT ? FEED_MAX_LIMIT : value),
    { toClassOnly: true },
  )
  limit: number = FEED_DEFAULT_LIMIT;
}

export class FeedInitiativeDto {
  @ApiProperty({ example: 'UNGA-ARB-2025' }) code: string;
  @ApiProperty({ example: 'Unga till arbete' }) title: string;
  @ApiProperty({ enum: INITIATIVE_KINDS }) kind: InitiativeKind;
  @ApiProperty({
    enum: INITIATIVE_STATUSES,
    description: '`discontinued`, `completed` and `integrated` are sent like any other change.',
  })
  status: InitiativeStatus;
  @ApiProperty({ nullable: true, type: String, example: 'AMF' }) leadDepartmentCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'P4711' }) budgetProjectCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) startDate: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) endDate: string | null;
  @ApiProperty({ nullable: true, type: 'integer', description: 'Whole kronor' }) annualCostSek: number | null;
  @ApiProperty({ example: 3 }) version: number;
  @ApiProperty() updatedAt: Date;
}

export class FeedFundingLineDto {
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({ example: 'UNGA-ARB-2025' }) initiativeCode: string;
  @ApiProperty({ example: 'state_grant' }) sourceType: string;
  @ApiProperty({ example: 'Länsstyrelsen Västra Götaland' }) funder: string;
  @ApiProperty({ nullable: true, type: String }) decisionReference: string | null;
  @ApiProperty({ type: 'integer', description: 'Whole kronor', example: 1_200_000 }) amountSek: number;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date' }) periodEnd: string;
  @ApiProperty({ enum: FUNDING_STATUSES }) status: FundingStatus;
  @ApiProperty() renewable: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) successorFundingId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'P4711' }) budgetProjectCode: string | null;
  @ApiProperty({ enum: COVERAGE_DECISIONS }) coverageDecision: CoverageDecision;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) coverageDecidedOn: string | null;
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty() updatedAt: Date;
}

export class ChangesFeedItemDto {
  @ApiProperty({ enum: FEED_ENTITY_KINDS }) kind: FeedEntityKind;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    description:
      'A tombstone: the record was deleted (only drafts are, with their funding lines); `initiative` and `fundingLine` are null.',
  })
  deleted: boolean;
  @ApiProperty({ type: FeedInitiativeDto, nullable: true, description: 'The current state, for kind `initiative`.' })
  initiative: FeedInitiativeDto | null;
  @ApiProperty({ type: FeedFundingLineDto, nullable: true, description: 'The current state, for kind `funding_line`.' })
  fundingLine: FeedFundingLineDto | null;
}

export class ChangesFeedPageDto {
  @ApiProperty({
    type: [ChangesFeedItemDto],
    description: 'In feed order; each record at most once, in its latest state.',
  })
  items: ChangesFeedItemDto[];
  @ApiProperty({
    description: 'Send it as `cursor` for the next page. The same cursor again when nothing new has come.',
    example: 'djEuNzQxLjEy',
  })
  nextCursor: string;
  @ApiProperty({ description: 'More changes are ready now; when false, poll again later with `nextCursor`.' })
  hasMore: boolean;
}

/** OpenAPI example: a discontinued initiative, one of its funding lines, and a deleted draft's tombstone. */
const INITIATIVE_ID = '3f6e2c1a-8d4b-4e7a-9c1f-0b2d5e8a7c64';
export const CHANGES_FEED_EXAMPLE = {
  items: [
    {
      kind: 'initiative',
      id: INITIATIVE_ID,
      deleted: false,
      initiative: {
        code: 'UNGA-ARB-2025',
        title: 'Unga till arbete',
        kind: 'project',
        status: 'discontinued',
        leadDepartmentCode: 'AMF',
        budgetProjectCode: 'P4711',
        startDate: '2025-01-01',
        endDate: '2026-12-31',
        annualCostSek: 1_200_000,
        version: 4,
        updatedAt: '2026-11-20T09:12:44.120Z',
      },
      fundingLine: null,
    },
    {
      kind: 'funding_line',
      id: '9a1b7c3d-2e4f-4a6b-8c0d-1e2f3a4b5c6d',
      deleted: false,
      initiative: null,
      fundingLine: {
        initiativeId: INITIATIVE_ID,
        initiativeCode: 'UNGA-ARB-2025',
        sourceType: 'state_grant',
        funder: 'Länsstyrelsen Västra Götaland',
        decisionReference: 'Dnr 2025-01234',
        amountSek: 800_000,
        periodStart: '2025-01-01',
        periodEnd: '2026-12-31',
        status: 'ended',
        renewable: false,
        successorFundingId: null,
        budgetProjectCode: 'P4711',
        coverageDecision: 'phase_out',
        coverageDecidedOn: '2026-11-20',
        version: 3,
        updatedAt: '2026-11-20T09:12:44.120Z',
      },
    },
    {
      kind: 'initiative',
      id: '5c2d8e1f-7a3b-4c9d-8e0f-6a1b2c3d4e5f',
      deleted: true,
      initiative: null,
      fundingLine: null,
    },
  ],
  nextCursor: 'djEuNzQxLjEy',
  hasMore: false,
};
