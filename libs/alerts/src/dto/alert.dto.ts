import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto, Trim } from '#common';
import {
  ALERT_KINDS,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  type AlertKind,
  type AlertSeverity,
  type AlertStatus,
} from '../alert.entity.js';

export class ListAlertsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ALERT_KINDS })
  @IsOptional()
  @IsIn(ALERT_KINDS)
  kind?: AlertKind;

  @ApiPropertyOptional({ enum: ALERT_STATUSES })
  @IsOptional()
  @IsIn(ALERT_STATUSES)
  status?: AlertStatus;

  @ApiPropertyOptional({ enum: ALERT_SEVERITIES })
  @IsOptional()
  @IsIn(ALERT_SEVERITIES)
  severity?: AlertSeverity;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  initiativeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The lead department the alert was raised for' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class DismissAlertDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    example: 'Kommunstyrelsen tar ställning i budgetberedningen i april; bevakas där.',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class AlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind: AlertKind;
  @ApiProperty({
    enum: ALERT_SEVERITIES,
    description: "Only ever rises, but a funding_gap's, which follows the gap's share of the annual cost both ways",
  })
  severity: AlertSeverity;
  @ApiProperty({ enum: ALERT_STATUSES }) status: AlertStatus;
  @ApiProperty({ example: 'grant_expiring:3f0c…', description: 'Kind and subject; one unresolved alert per key' })
  dedupeKey: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) initiativeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) fundingId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The lead department when the alert was raised',
  })
  departmentId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    readOnly: true,
    example: 'FALTARBETARE',
    description: "The initiative's code (its address in the web app: /insatser/{code})",
  })
  initiativeCode: string | null;
  @ApiProperty({ type: String, nullable: true, readOnly: true, example: 'Fältarbetare och profilsocialsekreterare' })
  initiativeTitle: string | null;
  @ApiProperty({ type: String, nullable: true, readOnly: true, example: 'ASF' }) departmentCode: string | null;
  @ApiProperty({ type: String, nullable: true, readOnly: true, example: 'Arbetsmarknads- och socialförvaltningen' })
  departmentName: string | null;
  @ApiProperty({
    example: 'Statsbidraget från Länsstyrelsen Västra Götaland upphör 2025-06-30 utan beslut om fortsatt finansiering',
  })
  title: string;
  @ApiProperty() detail: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: "The date the alert is about: a grant's end, a report's deadline",
  })
  dueDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole kronor the alert is about' }) amountSek:
    number | null;
  @ApiProperty() firstRaisedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) escalatedAt: Date | null;
  @ApiProperty({ format: 'date', description: 'The scan date that last found the cause' }) lastSeenOn: string;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) acknowledgedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) dismissedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) dismissedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) dismissReason: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
