import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { PageQueryDto } from '#common';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_KINDS,
  type AuditAction,
  type AuditActorKind,
  type FieldChange,
} from '../audit-event.entity.js';
import { isInstantOrDate } from '../audit-period.js';

const INSTANT_OR_DATE =
  'an instant with its time zone (2025-03-01T10:00:00Z) or a date (2025-03-01: the whole day in the municipality’s time zone)';

function IsInstantOrDate(options?: ValidationOptions) {
  return function (target: object, propertyName: string) {
    registerDecorator({
      name: 'isInstantOrDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be ${INSTANT_OR_DATE}`, ...options },
      validator: { validate: isInstantOrDate },
    });
  };
}

export class ListAuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'initiative',
    description: 'e.g. department, target_group, district, goal, initiative, funding_line',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z_]{0,39}$/, {
    message: 'entityType must be a lower-case type name such as initiative or funding_line',
  })
  entityType?: string;

  @ApiPropertyOptional({ description: 'The id of the record the events are about' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ description: "The actor's id: a person's id from the identity provider, or an API key's id" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({
    enum: AUDIT_ACTIONS,
    description:
      'Only events of this kind: a record created, changed, deleted, moved in its lifecycle, decided on or revoked',
  })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Events of the initiative and of the records that belong to it (its funding lines)',
  })
  @IsOptional()
  @IsUUID()
  initiativeId?: string;

  @ApiPropertyOptional({ example: '2025-03-01', description: `From this moment on: ${INSTANT_OR_DATE}` })
  @IsOptional()
  @IsInstantOrDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2025-03-31',
    description: `Up to and including: ${INSTANT_OR_DATE}. Not before from.`,
  })
  @IsOptional()
  @IsInstantOrDate()
  to?: string;
}

/** A field's value as the record holds it: text, a number, a flag, a list (goal ids, participants) or null. */
const FIELD_VALUE = {
  anyOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true },
    { type: 'null' },
  ],
};

export class FieldChangeDto {
  @ApiPropertyOptional({ ...FIELD_VALUE, description: 'The value before; absent when the record was created' })
  before?: unknown;

  @ApiPropertyOptional({ ...FIELD_VALUE, description: 'The value after; absent when the record was deleted' })
  after?: unknown;
}

export class AuditEventDto {
  @ApiProperty({ example: '1042', description: 'A sequence number (a string: it is a bigint)' })
  id: string;

  @ApiProperty({ example: '2025-03-01T09:12:44.120Z' })
  occurredAt: Date;

  @ApiProperty({
    enum: AUDIT_ACTOR_KINDS,
    description:
      'How the actor authenticated: a bearer token (user), an API key, or not at all (system: the demo seed)',
  })
  actorKind: AuditActorKind;

  @ApiProperty({ description: "The person's id at the identity provider, or the API key's id" })
  actorId: string;

  @ApiProperty({ type: String, nullable: true, example: 'Samordnare SSPF' })
  actorName: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS, example: 'update' })
  action: AuditAction;

  @ApiProperty({ example: 'initiative' })
  entityType: string;

  @ApiProperty()
  entityId: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The initiative the record belongs to, if any',
  })
  initiativeId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/FieldChangeDto' },
    example: { title: { before: 'SSPF', after: 'SSPF – skola, socialtjänst, polis och fritid' } },
    description: 'Only the fields that changed, each with its value before and after',
  })
  changes: Record<string, FieldChange>;

  @ApiProperty({ type: String, nullable: true, description: 'The X-Request-Id of the request that made the change' })
  requestId: string | null;
}
