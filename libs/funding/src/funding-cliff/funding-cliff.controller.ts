import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#common';
import { Requires } from '#identity';
import { FundingCliffDto, FundingCliffQueryDto } from './funding-cliff.dto.js';
import { FundingCliffService } from './funding-cliff.service.js';

@ApiTags('portfolio')
@Controller('portfolio/funding-cliff')
export class FundingCliffController {
  constructor(private readonly cliffs: FundingCliffService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({
    summary: 'Temporary funding ending month by month and per budget year, and the annual cost it leaves uncovered',
    description: 'For the leadership group: what stops being paid for next year, and what it costs to keep it.',
  })
  @ApiOkResponse({ type: FundingCliffDto })
  @ApiProblems(400)
  get(@Query() query: FundingCliffQueryDto) {
    return this.cliffs.cliff(query);
  }
}
