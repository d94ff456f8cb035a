import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#common';
import { Requires } from '#identity';
import { CHANGES_FEED_EXAMPLE, ChangesFeedPageDto, ChangesFeedQueryDto } from './changes-feed.dto.js';
import { ChangesFeedService } from './changes-feed.service.js';

@ApiTags('budget integration')
@Controller('integrations/budget')
export class ChangesFeedController {
  constructor(private readonly feed: ChangesFeedService) {}

  @Get('initiatives')
  @Requires('budget:read')
  @ApiOperation({
    summary: 'Initiatives and funding lines changed since the cursor (the changes feed)',
    description:
      'Page with `nextCursor` until `hasMore` is false; asking again later returns only what changed since. Every change comes exactly once, ' +
      'in transaction order; a record changed several times comes once, at its latest change, in its current state. A deleted draft ' +
      '(and its funding lines) comes as `deleted: true`. Changes wait until every earlier-started transaction has ended, so a long ' +
      'transaction pauses the feed; nothing is lost.',
  })
  @ApiOkResponse({ type: ChangesFeedPageDto, example: CHANGES_FEED_EXAMPLE })
  @ApiProblems(401, 403)
  page(@Query() query: ChangesFeedQueryDto) {
    return this.feed.page(query);
  }
}
