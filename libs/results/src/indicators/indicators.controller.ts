import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import {
  CreateIndicatorDto,
  CreateIndicatorValueDto,
  CreateTargetDto,
  ImportResultDto,
  IndicatorDto,
  IndicatorLinkDto,
  IndicatorOverviewDto,
  IndicatorSeriesDto,
  IndicatorValueDto,
  LinkIndicatorDto,
  ListIndicatorsQueryDto,
  ListTargetsQueryDto,
  ListValuesQueryDto,
} from './dto/indicator.dto.js';
import { IMPORT_COLUMNS } from './indicator-import.js';
import { IndicatorLinksService } from './indicator-links.service.js';
import { IndicatorSeriesService } from './indicator-series.service.js';
import { IndicatorValuesService } from './indicator-values.service.js';
import { IndicatorsService } from './indicators.service.js';

@ApiTags('results')
@Controller()
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly links: IndicatorLinksService,
    private readonly values: IndicatorValuesService,
    private readonly seriesOf: IndicatorSeriesService,
  ) {}

  @Get('indicators')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'Indicators, by code' })
  @ApiPageResponse(IndicatorDto)
  @ApiProblems()
  list(@Query() query: ListIndicatorsQueryDto) {
    return this.indicators.list(query);
  }

  @Get('indicators/overview')
  @Requires('portfolio:read')
  @ApiOperation({
    summary:
      "Indicators, by code, each with its whole population's baseline, latest value, targets with progress and Sweden's figures",
    description:
      'Cell `all` of GET /indicators/{id}/series for a page of indicators; values resting on fewer than 5 persons suppressed as there.',
  })
  @ApiPageResponse(IndicatorOverviewDto)
  @ApiProblems()
  overview(@Ctx() ctx: RequestContext, @Query() query: ListIndicatorsQueryDto) {
    return this.seriesOf.overview(ctx, query);
  }

  @Post('indicators')
  @Requires('indicators:write')
  @ApiOperation({ summary: 'Define an indicator (a department head: one their department owns)' })
  @ApiCreatedResponse({ type: IndicatorDto })
  @ApiProblems(409, 413, 422)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateIndicatorDto) {
    return this.indicators.create(ctx, dto);
  }

  @Post('effect-nodes/:id/indicators')
  @Requires('effect-logic:write')
  @ApiOperation({ summary: 'Measure an outcome node with an indicator (by whoever writes the node’s chain)' })
  @ApiCreatedResponse({ type: IndicatorLinkDto })
  @ApiProblems(404, 409, 413, 422)
  link(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string, @Body() dto: LinkIndicatorDto) {
    return this.links.link(ctx, id, dto);
  }

  @Get('indicators/:id/measurements')
  @Requires('portfolio:read')
  @ApiOperation({
    summary:
      'An indicator’s values (measurements, baselines and targets) by period; small counts suppressed outside the owning department',
  })
  @ApiPageResponse(IndicatorValueDto)
  @ApiProblems(404)
  listValues(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string, @Query() query: ListValuesQueryDto) {
    return this.values.listValues(ctx, id, query);
  }

  @Post('indicators/:id/measurements')
  @Requires('indicator-values:write')
  @ApiOperation({
    summary: 'Record a measurement, baseline or target; the same period, cell and kind twice is a conflict',
  })
  @ApiCreatedResponse({ type: IndicatorValueDto })
  @ApiProblems(404, 409, 413, 422)
  addValue(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string, @Body() dto: CreateIndicatorValueDto) {
    return this.values.addValue(ctx, id, dto);
  }

  @Post('indicators/:id/measurements/import')
  @Requires('indicator-values:write')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Import values from CSV, all or nothing, with an error per bad line' })
  @ApiConsumes('text/csv')
  @ApiBody({
    description: `The first line names the columns \`${IMPORT_COLUMNS.join(',')}\`; a cell with several parts is quoted. Empty: \`all\` / no figure.`,
    schema: {
      type: 'string',
      example: `${IMPORT_COLUMNS.join(',')}\n2024,all,measurement,64.2,642,1000,1000\n2024,"sex:women,born:abroad",measurement,51.5,,,`,
    },
  })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiProblems(404, 409, 413, 422)
  importValues(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string, @Body() csv: string) {
    return this.values.importValues(ctx, id, csv);
  }

  @Get('indicators/:id/targets')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'An indicator’s targets' })
  @ApiPageResponse(IndicatorValueDto)
  @ApiProblems(404)
  listTargets(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string, @Query() query: ListTargetsQueryDto) {
    return this.values.listValues(ctx, id, { ...query, kind: 'target' });
  }

  @Post('indicators/:id/targets')
  @Requires('indicator-values:write')
  @ApiOperation({ summary: 'Set a target for a period and cell' })
  @ApiCreatedResponse({ type: IndicatorValueDto })
  @ApiProblems(404, 409, 413, 422)
  addTarget(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string, @Body() dto: CreateTargetDto) {
    return this.values.addValue(ctx, id, { ...dto, kind: 'target' });
  }

  @Get('indicators/:id/series')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'Per cell: baseline, targets with progress, actuals by period; and the gaps between cells' })
  @ApiOkResponse({ type: IndicatorSeriesDto })
  @ApiProblems(404)
  series(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.seriesOf.series(ctx, id);
  }
}
