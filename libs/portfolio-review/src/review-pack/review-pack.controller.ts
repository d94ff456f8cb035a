import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { ApiProblems } from '#common';
import { Requires } from '#identity';
import { ReviewPackService } from './review-pack.service.js';

export class ReviewPackQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The review meeting the pack is for; without it, the pack is for today.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'reviewId must be a UUID' })
  reviewId?: string;
}

@ApiTags('portfolio')
@Controller('portfolio/review-pack')
export class ReviewPackController {
  constructor(private readonly packs: ReviewPackService) {}

  @Get()
  @Requires('portfolio:read')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({
    summary: "The leadership group's pre-read: one printable Swedish HTML page",
    description:
      'The summary, charts as inline SVG (initiatives and cost by priority area, the funding cliff by month, alerts by severity), the overlaps to ' +
      'discuss, readiness by department, the decisions due for follow-up by the meeting and those of the previous review.',
  })
  @ApiOkResponse({
    description: 'An HTML page (no scripts).',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems(404)
  get(@Query() query: ReviewPackQueryDto): Promise<string> {
    return this.packs.render(query.reviewId);
  }
}
