import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  FUNDING_SOURCE_TYPES,
  IsCalendarDate,
  IsCode,
  IsOmittable,
  IsOnOrAfter,
  IsWholeKronor,
  PageQueryDto,
  PatchType,
  QueryList,
  Trim,
  type FundingSourceType,
} from '#common';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../lifecycle/initiative-lifecycle.js';
import {
  EVIDENCE_BASES,
  FOLLOW_UP_FREQUENCIES,
  INITIATIVE_KINDS,
  type EvidenceBase,
  type FollowUpFrequency,
  type InitiativeKind,
} from '../initiatives/initiative.entity.js';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../initiatives/initiative-participant.entity.js';

const MAX_LINKS = 50;

export class ParticipantDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId: string;

  @ApiProperty({ enum: PARTICIPANT_ROLES, example: 'partner' })
  @IsIn(PARTICIPANT_ROLES)
  role: ParticipantRole;

  @ApiPropertyOptional({
    example: 'Ansvarar för fritidsgårdarnas del av samverkan',
    maxLength: 2000,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  responsibility?: string | null;
}

/** A staff member, never a resident: name, title and work e-mail. */
export class ProcessOwnerDto {
  @ApiProperty({ example: 'Samordnare SSPF', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Samordnare', maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ example: 'samordnare.sspf@trollhattan.se', nullable: true, type: String })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}

export class FollowUpPlanDto {
  @ApiProperty({ example: 'Halvårsvis uppföljning av nyckeltal och verksamhetsberättelse', maxLength: 2000 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  method: string;

  @ApiProperty({ enum: FOLLOW_UP_FREQUENCIES, example: 'biannual' })
  @IsIn(FOLLOW_UP_FREQUENCIES)
  frequency: FollowUpFrequency;

  @ApiProperty({ example: 'Styrgruppen för SSPF', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  responsible: string;

  @ApiPropertyOptional({ example: '2025-08-31', nullable: true, type: String })
  @IsOptional()
  @IsCalendarDate()
  firstReportDue?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  indicatorIds?: string[];
}

export class CreateInitiativeDto {
  @ApiProperty({ example: 'SSPF' })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'SSPF – skola, socialtjänst, polis och fritid', maxLength: 300 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  summary?: string | null;

  @ApiProperty({ enum: INITIATIVE_KINDS, example: 'method' })
  @IsIn(INITIATIVE_KINDS)
  kind: InitiativeKind;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'On create: required of an admin; a department head may leave it out and leads with their own department. Only an admin changes it.',
  })
  @IsOptional()
  @IsUUID()
  leadDepartmentId?: string | null;

  @ApiPropertyOptional({
    type: [ParticipantDto],
    description: 'Departments other than the lead, each with role and responsibility',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants?: ParticipantDto[];

  @ApiPropertyOptional({ type: ProcessOwnerDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProcessOwnerDto)
  processOwner?: ProcessOwnerDto | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  goalIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['UNGA-12-17'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @ArrayUnique()
  @IsCode({ each: true })
  targetGroupCodes?: string[];

  @ApiPropertyOptional({ type: [String], example: ['KRONOGARDEN'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @ArrayUnique()
  @IsCode({ each: true })
  districtCodes?: string[];

  @ApiPropertyOptional({ example: '2024-01-15', nullable: true, type: String })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string | null;

  @ApiPropertyOptional({ example: null, nullable: true, type: String })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('startDate')
  endDate?: string | null;

  @ApiPropertyOptional({ example: 1800000, description: 'Whole kronor', nullable: true, type: Number })
  @IsOptional()
  @IsWholeKronor()
  annualCostSek?: number | null;

  @ApiPropertyOptional({ enum: EVIDENCE_BASES, default: 'unknown' })
  @IsOmittable()
  @IsIn(EVIDENCE_BASES)
  evidenceBase?: EvidenceBase;

  @ApiPropertyOptional({ example: 'P4711', nullable: true, type: String })
  @IsOptional()
  @IsCode()
  budgetProjectCode?: string | null;

  @ApiPropertyOptional({ type: FollowUpPlanDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpPlanDto)
  followUpPlan?: FollowUpPlanDto | null;
}

/** Every field optional, but `null` only where the field is nullable: `{ "title": null }` is refused, not stored. */
export class UpdateInitiativeDto extends PatchType(CreateInitiativeDto) {}

/** One move the lifecycle allows from the current status: what it still needs, and whether the caller may make it. */
export class NextMoveDto {
  @ApiProperty({ enum: INITIATIVE_STATUSES, example: 'approved' })
  to: InitiativeStatus;

  @ApiProperty({
    type: [String],
    example: ['followUpPlan'],
    description:
      'The guards the move would refuse with today (422 `unmetGuards`): leadDepartment, goal, followUpPlan, funding, startDate. Empty: it needs nothing more.',
  })
  unmetGuards: string[];

  @ApiProperty({
    description:
      'Whether the caller’s roles (and department, for moves limited to their own initiatives) allow this move; not whether its guards are met.',
  })
  allowed: boolean;
}

/** The moves open to an initiative now, read without attempting any of them. */
export class NextMovesDto {
  @ApiProperty({ enum: INITIATIVE_STATUSES, example: 'proposed' })
  status: InitiativeStatus;

  @ApiProperty({
    type: [NextMoveDto],
    description: 'Every status the lifecycle allows next, in its order; none once the initiative has ended.',
  })
  moves: NextMoveDto[];
}

export class TransitionDto {
  @ApiProperty({ enum: INITIATIVE_STATUSES, example: 'proposed' })
  @IsIn(INITIATIVE_STATUSES)
  to: InitiativeStatus;

  @ApiPropertyOptional({
    example: 'Beslutat i ledningsgruppen 2025-03-12',
    maxLength: 2000,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

/** A participant as read: the department's code and name come along, so a reader needs no second request. */
export class ParticipantViewDto extends ParticipantDto {
  @ApiProperty({ example: 'UTBF', readOnly: true }) departmentCode: string;
  @ApiProperty({ example: 'Utbildningsförvaltningen', readOnly: true }) departmentName: string;
}

export class GoalRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'FP-3' }) code: string;
  @ApiProperty({ example: 'Tidiga och samordnade insatser för barn och unga' }) title: string;
}

/**
 * An initiative as read. The `…Code`, `…Name` and `goals` fields are read-only labels of the ids beside them; a body
 * that sends them back is refused like any unknown field.
 */
export class InitiativeDto extends CreateInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INITIATIVE_STATUSES }) status: InitiativeStatus;
  @ApiProperty({ type: String, nullable: true, example: 'ASF', readOnly: true }) leadDepartmentCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Arbetsmarknads- och socialförvaltningen', readOnly: true })
  leadDepartmentName: string | null;
  @ApiProperty({ type: [ParticipantViewDto] }) declare participants: ParticipantViewDto[];
  @ApiProperty({ type: [String] }) declare goalIds: string[];
  @ApiProperty({ type: [GoalRefDto], readOnly: true, description: 'The goals of `goalIds`, by code' })
  goals: GoalRefDto[];
  @ApiProperty({ type: [String] }) declare targetGroupCodes: string[];
  @ApiProperty({ type: [String] }) declare districtCodes: string[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({
    enum: ['green', 'amber', 'red'],
    nullable: true,
    readOnly: true,
    description:
      "The RAG of the latest submitted or approved status report that has one (by its round's due date); null when none has",
  })
  latestRagStatus: 'green' | 'amber' | 'red' | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    readOnly: true,
    example: '2026-12-31',
    description:
      'The earliest end, today or later, of a granted line not from the ordinary budget that nothing fully takes over (as the export\'s "Tillfällig finansiering slutar utan efterföljare"); null when none',
  })
  temporaryFundingEndsOn: string | null;
  @ApiProperty({ readOnly: true, description: 'Open or acknowledged alerts about the initiative' })
  openAlertCount: number;
}

export class ListInitiativesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'SSPF', description: 'Exactly this code' })
  @IsOptional()
  @IsCode()
  code?: string;

  @ApiPropertyOptional({
    description: 'One or more statuses, comma-separated',
    enum: INITIATIVE_STATUSES,
    isArray: true,
  })
  @IsOptional()
  @QueryList()
  @IsIn(INITIATIVE_STATUSES, { each: true })
  @ArrayMaxSize(INITIATIVE_STATUSES.length)
  status?: InitiativeStatus[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leadDepartmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lead or participant in any role' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Linked to this goal or any goal below it' })
  @IsOptional()
  @IsUUID()
  goalId?: string;

  @ApiPropertyOptional({ description: 'Target group codes, comma-separated (any of them)', type: [String] })
  @IsOptional()
  @QueryList()
  @ArrayMaxSize(MAX_LINKS)
  @IsCode({ each: true })
  targetGroup?: string[];

  @ApiPropertyOptional({ description: 'District codes, comma-separated (any of them)', type: [String] })
  @IsOptional()
  @QueryList()
  @ArrayMaxSize(MAX_LINKS)
  @IsCode({ each: true })
  district?: string[];

  @ApiPropertyOptional({
    description: 'Funding source types, comma-separated (any of them)',
    enum: FUNDING_SOURCE_TYPES,
    isArray: true,
  })
  @IsOptional()
  @QueryList()
  @ArrayMaxSize(FUNDING_SOURCE_TYPES.length)
  @IsIn(FUNDING_SOURCE_TYPES, { each: true })
  fundingSourceType?: FundingSourceType[];

  @ApiPropertyOptional({
    description: 'Free text over code, title and summary (Swedish full text or substring)',
    maxLength: 200,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description:
      'Comma-separated keys, - for descending: code, title, status, leadDepartmentName, startDate, endDate, annualCostSek, createdAt, updatedAt, ' +
      'latestRagStatus (green < amber < red), temporaryFundingEndsOn, openAlertCount',
    example: '-startDate,title',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sort?: string;
}

/** The initiative list's filters without paging and sort, for answers over the whole filtered portfolio. */
export class InitiativeFiltersQueryDto extends OmitType(ListInitiativesQueryDto, [
  'limit',
  'offset',
  'sort',
] as const) {}
