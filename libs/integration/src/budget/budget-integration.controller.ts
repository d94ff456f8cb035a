import { Body, Controller, Get, Headers, Param, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiProblems, bodySha256 } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import { idempotencyKeyOrFail } from '../idempotency/idempotency.service.js';
import { BudgetDimensionsService } from './budget-dimensions.service.js';
import { BudgetLinesService } from './budget-lines.service.js';
import {
  BudgetDimensionCodeListDto,
  BudgetDimensionCodesDto,
  BudgetDimensionCodesResultDto,
  BudgetDimensionListDto,
  BudgetDimensionsDto,
  CODES_EXAMPLE,
  CODES_RESULT_EXAMPLE,
  DIMENSIONS_EXAMPLE,
} from './dto/budget-dimension.dto.js';
import {
  BudgetLinesBatchDto,
  BudgetLinesResultDto,
  LINES_EXAMPLE,
  LINES_RESULT_EXAMPLE,
} from './dto/budget-lines.dto.js';

/** The route whose body may be large (see app.setup.ts), relative to the API prefix. */
export const BUDGET_LINES_PATH = '/integrations/budget/lines';
/** 50,000 lines of six dimensions are about 10 MB of JSON. */
export const BUDGET_LINES_BODY_LIMIT = '32mb';

@ApiTags('budget integration')
@Controller('integrations/budget')
export class BudgetIntegrationController {
  constructor(
    private readonly dimensions: BudgetDimensionsService,
    private readonly lines: BudgetLinesService,
  ) {}

  @Get('dimensions')
  @Requires('budget:read')
  @ApiOperation({ summary: 'The dimensions of the coding string (kodsträng), in order' })
  @ApiOkResponse({ type: BudgetDimensionListDto, example: DIMENSIONS_EXAMPLE })
  listDimensions() {
    return this.dimensions.list();
  }

  @Put('dimensions')
  @Requires('budget:write')
  @ApiOperation({
    summary: 'Replace the dimensions of the coding string',
    description: 'The whole set: a dimension left out is removed with its codes.',
  })
  @ApiBody({ type: BudgetDimensionsDto, examples: { 'coding string': { value: DIMENSIONS_EXAMPLE } } })
  @ApiOkResponse({ type: BudgetDimensionListDto, example: DIMENSIONS_EXAMPLE })
  @ApiProblems(413)
  replaceDimensions(@Ctx() ctx: RequestContext, @Body() dto: BudgetDimensionsDto) {
    return this.dimensions.replace(ctx, dto);
  }

  @Get('dimensions/:code/codes')
  @Requires('budget:read')
  @ApiOperation({ summary: "A dimension's valid codes, by code" })
  @ApiOkResponse({ type: BudgetDimensionCodeListDto, example: CODES_EXAMPLE })
  @ApiProblems(404)
  listCodes(@Param('code') code: string) {
    return this.dimensions.listCodes(code);
  }

  @Put('dimensions/:code/codes')
  @Requires('budget:write')
  @ApiOperation({
    summary: "Replace a dimension's valid codes (up to 10,000)",
    description:
      'The whole list: codes left out are removed, the others inserted or updated. Lines are checked against them only when the dimension has `validatesCodes`.',
  })
  @ApiBody({ type: BudgetDimensionCodesDto, examples: { 'projekt codes': { value: CODES_EXAMPLE } } })
  @ApiOkResponse({ type: BudgetDimensionCodesResultDto, example: CODES_RESULT_EXAMPLE })
  @ApiProblems(404, 413)
  replaceCodes(@Ctx() ctx: RequestContext, @Param('code') code: string, @Body() dto: BudgetDimensionCodesDto) {
    return this.dimensions.replaceCodes(ctx, code, dto);
  }

  @Put('lines')
  @Requires('budget:write')
  @ApiOperation({
    summary: 'Load a batch of budget and actual lines (up to 50,000), all or nothing',
    description:
      'Lines are upserted on (kind, period, dimensions): resending a month replaces its amounts. The same Idempotency-Key with the same body ' +
      'replays the first answer (header `Idempotent-Replayed: true`), with another body → 422, while the first is still running → 409. ' +
      '"The same body" means the same bytes: a retry must resend the body exactly as first sent (the same content with other whitespace or key order is another body). ' +
      'Keys are kept at least 24 hours; a refused batch does not keep its key. Body limit 32 MB.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'A new key (e.g. a UUID) per batch; the same key when retrying it.',
  })
  @ApiBody({ type: BudgetLinesBatchDto, examples: { 'budget, actual and a correction': { value: LINES_EXAMPLE } } })
  @ApiOkResponse({ type: BudgetLinesResultDto, example: LINES_RESULT_EXAMPLE })
  @ApiProblems(409, 413, 422)
  async putLines(
    @Ctx() ctx: RequestContext,
    @Headers('idempotency-key') header: string | undefined,
    // Not a DTO: 50,000 lines are checked by checkLines, which names every bad line, rather than by class-validator.
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.lines.put(ctx, idempotencyKeyOrFail(header), body, bodySha256(req));
    res.status(result.status);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }
}
