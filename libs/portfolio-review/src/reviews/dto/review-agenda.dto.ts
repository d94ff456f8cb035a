import { ApiProperty } from '@nestjs/swagger';
import { ALERT_KINDS, type AlertKind } from '#alerts';
import { CliffLineDto } from '#funding';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '#portfolio';
import { PORTFOLIO_DECISIONS, type PortfolioDecision } from '../decision-rules.js';
import { ReviewDecisionDto } from './portfolio-review.dto.js';

/** Why an initiative is on a review's agenda, most urgent first (the agenda's order). */
export const AGENDA_REASONS = [
  'critical_alert',
  'funding_cliff',
  'decision_follow_up',
  'status_report',
  'overlap',
] as const;
export type AgendaReason = (typeof AGENDA_REASONS)[number];

class AgendaDepartmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ASF' }) code: string;
  @ApiProperty({ example: 'Arbetsmarknads- och socialförvaltningen' }) name: string;
}

export class AgendaInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SSPF' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: INITIATIVE_STATUSES }) status: InitiativeStatus;
  @ApiProperty({ type: AgendaDepartmentDto, nullable: true }) leadDepartment: AgendaDepartmentDto | null;
  @ApiProperty({ type: 'integer', nullable: true }) annualCostSek: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
}

class AgendaAlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind: AlertKind;
  @ApiProperty({ description: 'Swedish, as the scan wrote it.' }) title: string;
  @ApiProperty() detail: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) amountSek: number | null;
}

class AgendaFundingCliffDto {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({
    type: [CliffLineDto],
    description: 'The temporary lines ending in the year with nothing, or not enough, to take over.',
  })
  lines: CliffLineDto[];
  @ApiProperty({ type: 'integer', nullable: true, description: "The funding cliff's uncovered annual cost." })
  uncoveredAnnualCostSek: number | null;
}

class AgendaOtherInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
}

class AgendaOverlapDto {
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ type: AgendaOtherInitiativeDto }) otherInitiative: AgendaOtherInitiativeDto;
  @ApiProperty({ type: [String], description: "The reasons' Swedish labels." }) reasons: string[];
}

class AgendaDueDecisionDto {
  @ApiProperty({ enum: PORTFOLIO_DECISIONS }) decision: PortfolioDecision;
  @ApiProperty() rationale: string;
  @ApiProperty({ format: 'date' }) followUpDate: string;
  @ApiProperty({ description: 'The earlier review that took it.' }) reviewTitle: string;
  @ApiProperty({ format: 'date' }) meetingDate: string;
}

class AgendaStatusReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ['pending', 'returned'],
    description: "`pending` past its round's due date (missing) or `returned`.",
  })
  status: 'pending' | 'returned';
  @ApiProperty({ example: 'Delårsrapport augusti 2026' }) roundTitle: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class AgendaReasonDto {
  @ApiProperty({ enum: AGENDA_REASONS }) kind: AgendaReason;
  @ApiProperty({
    type: AgendaAlertDto,
    nullable: true,
    description: '`critical_alert`: the open or acknowledged critical alert.',
  })
  alert: AgendaAlertDto | null;
  @ApiProperty({
    type: AgendaFundingCliffDto,
    nullable: true,
    description: '`funding_cliff`: lines ending in the coming budget year with no coverage decision.',
  })
  fundingCliff: AgendaFundingCliffDto | null;
  @ApiProperty({ type: AgendaOverlapDto, nullable: true, description: '`overlap`: a pair without a standing verdict.' })
  overlap: AgendaOverlapDto | null;
  @ApiProperty({
    type: AgendaDueDecisionDto,
    nullable: true,
    description: '`decision_follow_up`: an earlier decision whose follow-up date has come.',
  })
  dueDecision: AgendaDueDecisionDto | null;
  @ApiProperty({
    type: AgendaStatusReportDto,
    nullable: true,
    description: '`status_report`: a report returned or missing.',
  })
  statusReport: AgendaStatusReportDto | null;
}

export class ReviewAgendaItemDto {
  @ApiProperty({ type: AgendaInitiativeDto }) initiative: AgendaInitiativeDto;
  @ApiProperty({
    type: [AgendaReasonDto],
    description:
      "Why it is on the agenda; empty once this review's decision has settled every reason (e.g. after `stop`).",
  })
  reasons: AgendaReasonDto[];
  @ApiProperty({
    type: ReviewDecisionDto,
    nullable: true,
    description: "This review's decision on the initiative, once taken.",
  })
  decision: ReviewDecisionDto | null;
}

export class ReviewAgendaDto {
  @ApiProperty({ format: 'uuid' }) reviewId: string;
  @ApiProperty({ format: 'date' }) meetingDate: string;
  @ApiProperty({ example: 2027, description: "The coming budget year: the year after the meeting's." })
  budgetYear: number;
  @ApiProperty({
    type: [ReviewAgendaItemDto],
    description: 'One item per initiative, the most urgent reason first, then by code.',
  })
  items: ReviewAgendaItemDto[];
}
