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
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; left out, the feed starts from the beginning.', example: 'djEuNzQxLjEy' })
  @IsOptional()
  @IsString()
  @ValidateBy({ name: 'isChangesFeedCursor', validator: { validate: (value) => typeof value === 'string' && decodeCursor(value) !== null, defaultMessage: () => 'cursor is not one this feed gave out' } })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: FEED_MAX_LIMIT, default: FEED_DEFAULT_LIMIT, description: 'Changes per page; values above 5,000 are capped at 5,000.' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Transform(({ value }) => (typeof value === 'number' && value > FEED_MAX_LIMIT ? FEED_MAX_LIMIT : value), { toClassOnly: true })
  limit: number = FEED_DEFAULT_LIMIT;
}

export class FeedInitiativeDto {
  @ApiProperty({ example: 'UNGA-ARB-2025' }) code: string;
  @ApiProperty({ example: 'Unga till arbete' }) title: string;
  @ApiProperty({ enum: INITIATIVE_KINDS }) kind: InitiativeKind;
  @ApiProperty({ enum: INITIATIVE_STATUSES, description: '`discontinued`, `completed` and `integrated` are sent like any other change.' }) status: InitiativeStatus;
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
  @ApiProperty({ description: 'A tombstone: the record was deleted (only drafts are, with their funding lines); `initiative` and `fundingLine` are null.' })
  deleted: boolean;
  @ApiProperty({ type: FeedInitiativeDto, nullable: true, description: 'The current state, for kind `initiative`.' }) initiative: FeedInitiativeDto | null;
  @ApiProperty({ type: FeedFundingLineDto, nullable: true, description: 'The current state, for kind `funding_line`.' }) fundingLine: FeedFundingLineDto | null;
}

export class ChangesFeedPageDto {
  @ApiProperty({ type: [ChangesFeedItemDto], description: 'In feed order; each record at most once, in its latest state.' }) items: ChangesFeedItemDto[];
  @ApiProperty({ description: 'Send it as `cursor` for the next page. The same cursor again when nothing new has come.', example: 'djEuNzQxLjEy' }) nextCursor: string;
  @ApiProperty({ description: 'More changes are ready now; when false, poll again later with `nextCursor`.' }) hasMore: boolean;
}
