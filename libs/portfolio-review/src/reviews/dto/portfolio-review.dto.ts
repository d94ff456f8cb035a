import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, PageQueryDto, Trim } from '#common';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '#portfolio';
import { PORTFOLIO_DECISIONS, type PortfolioDecision } from '../decision-rules.js';

export class CreatePortfolioReviewDto {
  @ApiProperty({ maxLength: 200, example: 'Portföljgenomgång november 2026' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ format: 'date', example: '2026-11-23' })
  @IsCalendarDate()
  meetingDate: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string | null;
}

export class CreatePortfolioDecisionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  initiativeId: string;

  @ApiProperty({
    enum: PORTFOLIO_DECISIONS,
    description:
      '`stop` moves the initiative to discontinued and `integrate` to integrated, as a lifecycle transition would; the rest leave its status alone',
  })
  @IsIn(PORTFOLIO_DECISIONS)
  decision: PortfolioDecision;

  @ApiProperty({ maxLength: 10000, example: 'Målgruppen nås redan av MBU; resurserna förs dit.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  rationale: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When the decision is followed up; an alert is raised once it has passed with no later decision',
  })
  @IsOptional()
  @IsCalendarDate()
  followUpDate?: string | null;
}

export class PortfolioReviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Portföljgenomgång november 2026' }) title: string;
  @ApiProperty({ format: 'date' }) meetingDate: string;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ description: 'Who recorded the review (actor id)' }) createdBy: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class PortfolioReviewListItemDto extends PortfolioReviewDto {
  @ApiProperty({ example: 5, description: 'Decisions taken at the review' }) decisionCount: number;
  @ApiProperty({ example: 1, description: 'Of those, decisions that moved the initiative (stop, integrate)' })
  movedCount: number;
}

export class PortfolioDecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) reviewId: string;
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({ enum: PORTFOLIO_DECISIONS }) decision: PortfolioDecision;
  @ApiProperty() rationale: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) followUpDate: string | null;
  @ApiProperty({
    enum: INITIATIVE_STATUSES,
    nullable: true,
    description: 'The status the decision moved the initiative from',
  })
  fromStatus: InitiativeStatus | null;
  @ApiProperty({ enum: INITIATIVE_STATUSES, nullable: true, description: 'The status the decision moved it to' })
  toStatus: InitiativeStatus | null;
  @ApiProperty({ description: 'Who recorded the decision (actor id)' }) decidedBy: string;
  @ApiProperty() createdAt: Date;
}

export class ReviewDecisionDto extends PortfolioDecisionDto {
  @ApiProperty({ example: 'SSPF' }) initiativeCode: string;
  @ApiProperty({ example: 'Social insatsgrupp' }) initiativeTitle: string;
}

export class PortfolioReviewWithDecisionsDto extends PortfolioReviewDto {
  @ApiProperty({ type: [ReviewDecisionDto], description: 'By initiative code' }) decisions: ReviewDecisionDto[];
}

export class InitiativeDecisionDto extends PortfolioDecisionDto {
  @ApiProperty({ example: 'Portföljgenomgång november 2026' }) reviewTitle: string;
  @ApiProperty({ format: 'date' }) meetingDate: string;
}

export class ListPortfolioReviewsQueryDto extends PageQueryDto {}
export class ListInitiativeDecisionsQueryDto extends PageQueryDto {}
