import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#common';
import { Requires } from '#identity';
import { PortfolioSummaryDto, PortfolioSummaryQueryDto } from './portfolio-summary.dto.js';
import { PortfolioSummaryService } from './portfolio-summary.service.js';

@ApiTags('portfolio')
@Controller('portfolio/summary')
export class PortfolioSummaryController {
  constructor(private readonly summaries: PortfolioSummaryService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({
    summary: 'The portfolio at a glance, with the same filters as the initiative list',
    description:
      'Counts by status, lead department, priority area, target group and district; annual cost and what running lines pay a year by ' +
      'source type with the temporary share; the funding cliff of the next budget year; open alerts by kind and severity; follow-up compliance.',
  })
  @ApiOkResponse({ type: PortfolioSummaryDto })
  @ApiProblems(400)
  get(@Query() query: PortfolioSummaryQueryDto) {
    return this.summaries.summary(query);
  }
}
