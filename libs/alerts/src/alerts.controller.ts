import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import { AlertsService } from './alerts.service.js';
import { AlertDto, DismissAlertDto, ListAlertsQueryDto } from './dto/alert.dto.js';

@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'Alerts the scans raised, most severe first, then by due date' })
  @ApiPageResponse(AlertDto)
  @ApiProblems()
  list(@Query() query: ListAlertsQueryDto) {
    return this.alerts.list(query);
  }

  @Get(':id')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'One alert; the ETag is its version' })
  @ApiOkResponse({ type: AlertDto })
  @ApiProblems(404)
  get(@Param('id', UuidParam()) id: string) {
    return this.alerts.get(id);
  }

  @Post(':id/acknowledge')
  @Requires('alerts:handle')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Acknowledge an open alert (the alert's department, leadership, admin)" })
  @ApiOkResponse({ type: AlertDto })
  @ApiProblems(404, 409)
  acknowledge(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.alerts.acknowledge(ctx, id);
  }

  @Post(':id/dismiss')
  @Requires('alerts:handle')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Dismiss an open or acknowledged alert with a reason; it stays dismissed unless its severity rises',
  })
  @ApiOkResponse({ type: AlertDto })
  @ApiProblems(404, 409, 413, 422)
  dismiss(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string, @Body() dto: DismissAlertDto) {
    return this.alerts.dismiss(ctx, id, dto.reason);
  }
}
