import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#common';
import { Requires } from '#identity';
import { PortfolioReadinessDto, PortfolioReadinessQueryDto } from './portfolio-readiness.dto.js';
import { PortfolioReadinessService } from './portfolio-readiness.service.js';

@ApiTags('portfolio')
@Controller('portfolio/readiness')
export class PortfolioReadinessController {
  constructor(private readonly readiness: PortfolioReadinessService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({
    summary: 'Audit readiness of the approved or active initiatives, with the same filters as the initiative list',
    description:
      "Per initiative the checks an auditor would make (lead department, co-owners' responsibilities, process owner, goal link, effect logic with a " +
      'baselined outcome indicator, follow-up plan, on-time report in the latest round, coverage decisions on temporary money), its score and what is ' +
      'missing, lowest score first; rolled up by lead department and priority area.',
  })
  @ApiOkResponse({ type: PortfolioReadinessDto })
  @ApiProblems(400)
  get(@Query() query: PortfolioReadinessQueryDto) {
    return this.readiness.readiness(query);
  }
}
