import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, PageQueryDto } from '#common';
import { Requires } from '#identity';
import {
  CliffEarlierQueryDto,
  CliffInitiativeDto,
  CliffMonthParamsDto,
  FundingCliffDto,
  FundingCliffQueryDto,
  FundingCliffTotalsDto,
} from './funding-cliff.dto.js';
import { FundingCliffService } from './funding-cliff.service.js';

@ApiTags('portfolio')
@Controller('portfolio/funding-cliff')
export class FundingCliffController {
  constructor(private readonly cliffs: FundingCliffService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({
    summary: 'Temporary funding ending month by month and per budget year, and the annual cost it leaves uncovered',
    description:
      'For the leadership group: what stops being paid for next year, and what it costs to keep it, with the initiatives and lines behind every figure. ' +
      'GET /portfolio/funding-cliff/totals answers the figures alone, and …/months/{month}/initiatives and …/earlier/initiatives ' +
      "one group's initiatives a page at a time: what a screen shows first and what it opens, where the whole report is megabytes at thousands of initiatives.",
  })
  @ApiOkResponse({ type: FundingCliffDto })
  @ApiProblems(400)
  get(@Query() query: FundingCliffQueryDto) {
    return this.cliffs.cliff(query);
  }

  @Get('totals')
  @Requires('portfolio:read')
  @ApiOperation({
    summary:
      "The funding cliff's totals month by month, per budget year and before the window, without the initiatives",
    description:
      'The same figures as GET /portfolio/funding-cliff for the same `from` and `months`, counted by the same rule, ' +
      'without the initiatives and their lines: what a chart or a table of the months needs.',
  })
  @ApiOkResponse({ type: FundingCliffTotalsDto })
  @ApiProblems(400)
  totals(@Query() query: FundingCliffQueryDto) {
    return this.cliffs.totals(query);
  }

  @Get('months/:month/initiatives')
  @Requires('portfolio:read')
  @ApiOperation({
    summary: 'A page of the initiatives whose funding cliff falls in one month, with their lines',
    description:
      "The month's initiatives as GET /portfolio/funding-cliff lists them in any window holding it, in the same order; " +
      "the month's figures are in GET /portfolio/funding-cliff/totals.",
  })
  @ApiPageResponse(CliffInitiativeDto)
  @ApiProblems(400)
  monthInitiatives(@Param() { month }: CliffMonthParamsDto, @Query() page: PageQueryDto) {
    return this.cliffs.monthInitiatives(month, page);
  }

  @Get('earlier/initiatives')
  @Requires('portfolio:read')
  @ApiOperation({
    summary: 'A page of the initiatives whose funding cliffs before the window are still open, with their lines',
    description:
      "GET /portfolio/funding-cliff's endedEarlier.initiatives for the same `from`, in the same order; its figures and " +
      'departments are in GET /portfolio/funding-cliff/totals.',
  })
  @ApiPageResponse(CliffInitiativeDto)
  @ApiProblems(400)
  earlierInitiatives(@Query() query: CliffEarlierQueryDto) {
    return this.cliffs.earlierInitiatives(query);
  }
}
