import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, Creates, IfMatchVersion, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import {
  CreateWebhookSubscriptionDto,
  ListWebhookDeliveriesQueryDto,
  UpdateWebhookSubscriptionDto,
  WebhookDeliveryDto,
  WebhookSubscriptionDto,
} from './dto/webhook-subscription.dto.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';

@ApiTags('webhooks')
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(private readonly subscriptions: WebhookSubscriptionsService) {}

  @Post()
  @Requires('webhooks:manage')
  @ApiOperation({
    summary: 'Subscribe a receiver to events',
    description:
      'Its host is resolved and every address checked: private, loopback, link-local and unique-local targets are refused (422).',
  })
  @Creates(WebhookSubscriptionDto, 'webhook-subscriptions/:id')
  @ApiProblems(413, 422)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateWebhookSubscriptionDto) {
    return this.subscriptions.create(ctx, dto);
  }

  @Get()
  @Requires('webhooks:manage')
  @ApiOperation({ summary: 'Every subscription, oldest first (secrets are never returned)' })
  @ApiOkResponse({ type: [WebhookSubscriptionDto] })
  list() {
    return this.subscriptions.list();
  }

  @Get(':id')
  @Requires('webhooks:manage')
  @ApiOperation({ summary: 'One subscription' })
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  @ApiProblems(404)
  get(@Param('id', UuidParam()) id: string) {
    return this.subscriptions.get(id);
  }

  @Patch(':id')
  @Requires('webhooks:manage')
  @ApiOperation({
    summary: 'Change the target, events or secret; pause it, or resume it (which clears its failure count)',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from your last read' })
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  @ApiProblems(404, 412, 413, 422, 428)
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam()) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateWebhookSubscriptionDto,
  ) {
    return this.subscriptions.update(ctx, id, version, dto);
  }

  @Delete(':id')
  @Requires('webhooks:manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a subscription with its deliveries and their attempts' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404)
  remove(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.subscriptions.remove(ctx, id);
  }

  @Get(':id/deliveries')
  @Requires('webhooks:manage')
  @ApiOperation({
    summary: "The subscription's deliveries, newest first, each with every attempt (status code or error, duration)",
  })
  @ApiPageResponse(WebhookDeliveryDto)
  @ApiProblems(404)
  deliveries(@Param('id', UuidParam()) id: string, @Query() query: ListWebhookDeliveriesQueryDto) {
    return this.subscriptions.deliveries(id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @Requires('webhooks:manage')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Send a delivery again, with a fresh round of retries (same event id: the receiver dedupes)',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  @ApiProblems(404, 409)
  redeliver(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam()) id: string,
    @Param('deliveryId', UuidParam()) deliveryId: string,
  ) {
    return this.subscriptions.redeliver(ctx, id, deliveryId);
  }
}
