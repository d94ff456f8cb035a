import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '#common';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_SUBSCRIPTION_STATUSES,
  type WebhookDeliveryStatus,
  type WebhookEventType,
  type WebhookSubscriptionStatus,
} from '../webhook.entities.js';

export class CreateWebhookSubscriptionDto {
  @ApiProperty({
    example: 'https://ekonomi.example.se/samla/webhooks',
    description: 'http or https; no user name or password in it. Its host may not resolve to a private address.',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false, disallow_auth: true })
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['initiative.created', 'funding.changed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: WebhookEventType[];

  @ApiProperty({
    writeOnly: true,
    minLength: 16,
    maxLength: 200,
    description: 'Signs every delivery (HMAC-SHA256). Never returned.',
    example: 'a long random string, e.g. openssl rand -hex 32',
  })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  @Matches(/^\S+$/, { message: 'secret must not contain spaces' })
  secret: string;

  @ApiPropertyOptional({
    example: 'ekonomi@trollhattan.se',
    description: 'Told when the subscription is paused after repeated failures; default: your own e-mail.',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  ownerEmail?: string;
}

export class UpdateWebhookSubscriptionDto extends PartialType(CreateWebhookSubscriptionDto) {
  @ApiPropertyOptional({
    enum: WEBHOOK_SUBSCRIPTION_STATUSES,
    description: '`active` resumes a paused subscription (and clears its failure count); `paused` stops deliveries.',
  })
  @IsOptional()
  @IsIn(WEBHOOK_SUBSCRIPTION_STATUSES)
  status?: WebhookSubscriptionStatus;
}

export class WebhookSubscriptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'https://ekonomi.example.se/samla/webhooks' }) url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: WebhookEventType[];
  @ApiProperty({ enum: WEBHOOK_SUBSCRIPTION_STATUSES }) status: WebhookSubscriptionStatus;
  @ApiProperty({ nullable: true, type: String }) ownerEmail: string | null;
  @ApiProperty({ description: 'Who created it (user or API key id).' }) createdBy: string;
  @ApiProperty({ description: 'Failed attempts since the last success.' }) consecutiveFailures: number;
  @ApiProperty({ nullable: true, type: Date }) pausedAt: Date | null;
  @ApiProperty({ description: 'Also the ETag; send it as If-Match to PATCH.' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class WebhookAttemptDto {
  @ApiProperty() attemptedAt: Date;
  @ApiProperty({ nullable: true, type: 'integer', example: 500 }) statusCode: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'timed out after 10000 ms' }) error: string | null;
  @ApiProperty({ example: 84 }) durationMs: number;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: "The event id (the body's `id`, `X-Samla-Event-Id`)." }) eventId: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType: WebhookEventType;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status: WebhookDeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) deliveredAt: Date | null;
  @ApiProperty({ type: [WebhookAttemptDto], description: 'Every attempt, oldest first.' })
  attemptLog: WebhookAttemptDto[];
}

export class ListWebhookDeliveriesQueryDto extends PageQueryDto {}
