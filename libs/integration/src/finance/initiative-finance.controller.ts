import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UuidParam } from '#common';
import { Requires } from '#identity';
import { FINANCE_EXAMPLE, InitiativeFinanceDto, InitiativeFinanceQueryDto } from './initiative-finance.dto.js';
import { InitiativeFinanceService } from './initiative-finance.service.js';

@ApiTags('budget integration')
@Controller()
export class InitiativeFinanceController {
  constructor(private readonly finance: InitiativeFinanceService) {}

  @Get('initiatives/:id/finance')
  @Requires('portfolio:read')
  @ApiOperation({
    summary:
      "An initiative's budget and actuals per month and year, spending per funding line, and when the money runs out",
    description:
      "Budget lines attach by their `projekt` dimension to the initiative's or a funding line's budget project code.",
  })
  @ApiOkResponse({ type: InitiativeFinanceDto, example: FINANCE_EXAMPLE })
  @ApiProblems(404)
  get(@Param('id', UuidParam()) id: string, @Query() query: InitiativeFinanceQueryDto) {
    return this.finance.get(id, query.asOf);
  }
}
