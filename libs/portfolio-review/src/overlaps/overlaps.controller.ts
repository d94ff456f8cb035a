import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import { OverlapPairDto, OverlapReviewDto, OverlapReviewResultDto, OverlapsQueryDto } from './overlaps.dto.js';
import { OverlapsService } from './overlaps.service.js';

@ApiTags('portfolio')
@Controller('portfolio/overlaps')
export class OverlapsController {
  constructor(private readonly overlaps: OverlapsService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({
    summary: 'Pairs of open initiatives that may overlap, best score first',
    description:
      'Open: proposed, approved or active. A pair is a candidate when it shares a target group and a district or priority area; it is scored on ' +
      'shared target groups, districts, priority areas, outcome nodes and text similarity, with the reasons. Pairs with a verdict and no change ' +
      'since are left out unless `include=reviewed`. The pairs are stored and rescored by the worker seconds after a change ' +
      '(OVERLAP_DRAIN_INTERVAL_MS); the read never computes them.',
  })
  @ApiPageResponse(OverlapPairDto)
  @ApiProblems(400)
  list(@Query() query: OverlapsQueryDto) {
    return this.overlaps.list(query);
  }

  @Put(':initiativeId/:otherInitiativeId/review')
  @Requires('overlaps:review')
  @ApiOperation({
    summary: 'Record the verdict on a pair (either order names the same pair)',
    description:
      "The pair stays quiet until either initiative's target groups, districts, priority areas, outcome nodes, title or summary change.",
  })
  @ApiOkResponse({ type: OverlapReviewResultDto })
  @ApiProblems(404, 413, 422)
  review(
    @Ctx() ctx: RequestContext,
    @Param('initiativeId', UuidParam()) initiativeId: string,
    @Param('otherInitiativeId', UuidParam()) otherInitiativeId: string,
    @Body() dto: OverlapReviewDto,
  ) {
    return this.overlaps.review(ctx, initiativeId, otherInitiativeId, dto);
  }
}
