import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, Creates, IfMatchVersion, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import { FundingService } from './funding.service.js';
import {
  CoverageDecisionDto,
  CreateFundingLineDto,
  FundingLineDto,
  ListFundingQueryDto,
  UpdateFundingLineDto,
} from './dto/funding-line.dto.js';

@ApiTags('funding')
@Controller()
export class FundingController {
  constructor(private readonly funding: FundingService) {}

  @Get('initiatives/:id/funding')
  @Requires('portfolio:read')
  @ApiOperation({ summary: "An initiative's funding lines, by period start" })
  @ApiPageResponse(FundingLineDto)
  @ApiProblems(404)
  list(@Param('id', UuidParam()) initiativeId: string, @Query() query: ListFundingQueryDto) {
    return this.funding.list(initiativeId, query);
  }

  @Post('initiatives/:id/funding')
  @Requires('funding:write')
  @ApiOperation({ summary: 'Add a funding line to an initiative that has not ended' })
  @Creates(FundingLineDto, 'funding/:id')
  @ApiProblems(404, 409, 413, 422)
  create(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam()) initiativeId: string,
    @Body() dto: CreateFundingLineDto,
  ) {
    return this.funding.create(ctx, initiativeId, dto);
  }

  @Get('funding/:id')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'One funding line; the ETag is its version' })
  @ApiOkResponse({ type: FundingLineDto })
  @ApiProblems(404)
  get(@Param('id', UuidParam()) id: string) {
    return this.funding.get(id);
  }

  @Patch('funding/:id')
  @Requires('funding:write')
  @ApiOperation({ summary: 'Change a funding line; end it by setting status `ended`' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from your last read' })
  @ApiOkResponse({ type: FundingLineDto })
  @ApiProblems(404, 412, 413, 422, 428)
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam()) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateFundingLineDto,
  ) {
    return this.funding.update(ctx, id, version, dto);
  }

  @Put('funding/:id/coverage-decision')
  @Requires('funding:decide-coverage')
  @ApiOperation({
    summary: "Record what happens when the line ends (the lead department's head or leadership)",
    description:
      'Replaces the coverage decision, its note, who decided and when (default: today). `undecided` withdraws it.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from your last read' })
  @ApiOkResponse({ type: FundingLineDto })
  @ApiProblems(404, 412, 413, 422, 428)
  decideCoverage(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam()) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: CoverageDecisionDto,
  ) {
    return this.funding.decideCoverage(ctx, id, version, dto);
  }

  @Delete('funding/:id')
  @Requires('funding:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a funding line of a draft initiative; later it is a public document and can only be ended',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409)
  remove(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.funding.remove(ctx, id);
  }
}
