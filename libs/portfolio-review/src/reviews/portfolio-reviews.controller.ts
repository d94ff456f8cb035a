import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, Creates, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import {
  CreatePortfolioDecisionDto,
  CreatePortfolioReviewDto,
  InitiativeDecisionDto,
  ListInitiativeDecisionsQueryDto,
  ListPortfolioReviewsQueryDto,
  PortfolioDecisionDto,
  PortfolioReviewListItemDto,
  PortfolioReviewWithDecisionsDto,
} from './dto/portfolio-review.dto.js';
import { ReviewAgendaDto } from './dto/review-agenda.dto.js';
import { PortfolioReviewsService } from './portfolio-reviews.service.js';
import { ReviewAgendaService } from './review-agenda.service.js';

@ApiTags('portfolio-reviews')
@Controller()
export class PortfolioReviewsController {
  constructor(
    private readonly reviews: PortfolioReviewsService,
    private readonly agendas: ReviewAgendaService,
  ) {}

  @Get('portfolio-reviews')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'Portfolio reviews, newest meeting first, with their decision counts' })
  @ApiPageResponse(PortfolioReviewListItemDto)
  @ApiProblems()
  list(@Query() query: ListPortfolioReviewsQueryDto) {
    return this.reviews.list(query);
  }

  @Post('portfolio-reviews')
  @Requires('portfolio-reviews:write')
  @ApiOperation({ summary: 'Record a portfolio review meeting (leadership)' })
  @Creates(PortfolioReviewWithDecisionsDto, 'portfolio-reviews/:id')
  @ApiProblems(413, 422)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreatePortfolioReviewDto) {
    return this.reviews.create(ctx, dto);
  }

  @Get('portfolio-reviews/:id')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'One portfolio review with its decisions; the ETag is its version' })
  @ApiOkResponse({ type: PortfolioReviewWithDecisionsDto })
  @ApiProblems(404)
  get(@Param('id', UuidParam()) id: string) {
    return this.reviews.get(id);
  }

  @Get('portfolio-reviews/:id/agenda')
  @Requires('portfolio:read')
  @ApiOperation({
    summary: "The review's agenda, assembled from what needs the leadership group",
    description:
      'One item per initiative with its reasons: open critical alerts, temporary funding ending in the coming budget year with no coverage decision, ' +
      'earlier decisions whose follow-up date has come by the meeting, status reports returned or missing, overlaps without a verdict; and the ' +
      "review's decision on it once taken (a decided initiative stays on the agenda).",
  })
  @ApiOkResponse({ type: ReviewAgendaDto })
  @ApiProblems(404)
  agenda(@Param('id', UuidParam()) id: string) {
    return this.agendas.agenda(id);
  }

  @Post('portfolio-reviews/:id/decisions')
  @Requires('portfolio-reviews:write')
  @ApiOperation({
    summary:
      'Record a decision on an initiative (leadership); stop and integrate move it through the lifecycle as a transition would',
  })
  @ApiCreatedResponse({ type: PortfolioDecisionDto })
  @ApiProblems(404, 409, 413, 422)
  decide(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string, @Body() dto: CreatePortfolioDecisionDto) {
    return this.reviews.decide(ctx, id, dto);
  }

  @Get('initiatives/:id/decisions')
  @Requires('portfolio:read')
  @ApiOperation({ summary: "An initiative's portfolio decisions across reviews, newest meeting first" })
  @ApiPageResponse(InitiativeDecisionDto)
  @ApiProblems(404)
  history(@Param('id', UuidParam()) id: string, @Query() query: ListInitiativeDecisionsQueryDto) {
    return this.reviews.history(id, query);
  }
}
