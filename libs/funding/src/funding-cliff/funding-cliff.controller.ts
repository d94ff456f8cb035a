import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#common';
import { Requires } from '#identity';
import { FundingCliffDto, FundingCliffQueryDto, FundingCliffTotalsDto } from './funding-cliff.dto.js';
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
      'GET /portfolio/funding-cliff/totals answers the figures alone.',
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
}
