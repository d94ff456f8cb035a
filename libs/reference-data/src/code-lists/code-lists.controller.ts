import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, PageQueryDto } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import { CodeListsService } from './code-lists.service.js';
import { CodeListItemDto, CreateCodeListItemDto } from './dto/code-list.dto.js';

@ApiTags('reference data')
@Controller()
export class CodeListsController {
  constructor(private readonly codeLists: CodeListsService) {}

  @Get('target-groups')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'List target groups' })
  @ApiPageResponse(CodeListItemDto)
  @ApiProblems()
  listTargetGroups(@Query() query: PageQueryDto) {
    return this.codeLists.list('targetGroup', query);
  }

  @Post('target-groups')
  @Requires('reference-data:write')
  @ApiOperation({ summary: 'Add a target group (a group, never a person)' })
  @ApiCreatedResponse({ type: CodeListItemDto })
  @ApiProblems(409, 413)
  createTargetGroup(@Ctx() ctx: RequestContext, @Body() dto: CreateCodeListItemDto) {
    return this.codeLists.create(ctx, 'targetGroup', dto);
  }

  @Get('districts')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'List districts' })
  @ApiPageResponse(CodeListItemDto)
  @ApiProblems()
  listDistricts(@Query() query: PageQueryDto) {
    return this.codeLists.list('district', query);
  }

  @Post('districts')
  @Requires('reference-data:write')
  @ApiOperation({ summary: 'Add a district' })
  @ApiCreatedResponse({ type: CodeListItemDto })
  @ApiProblems(409, 413)
  createDistrict(@Ctx() ctx: RequestContext, @Body() dto: CreateCodeListItemDto) {
    return this.codeLists.create(ctx, 'district', dto);
  }
}
