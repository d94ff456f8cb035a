import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, Creates, IfMatchVersion, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import {
  CreateGoalDto,
  GoalDto,
  GoalTreeNodeDto,
  GoalTreeQueryDto,
  ListGoalsQueryDto,
  UpdateGoalDto,
} from './dto/goal.dto.js';
import { GoalsService } from './goals.service.js';

@ApiTags('goals')
@Controller('goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'List goals of the governing documents, by code' })
  @ApiPageResponse(GoalDto)
  @ApiProblems()
  list(@Query() query: ListGoalsQueryDto) {
    return this.goals.list(query);
  }

  @Get('tree')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'The goal tree: Agenda 2030 → MRP goals → committee goals → priority areas → sub-goals' })
  @ApiOkResponse({ type: [GoalTreeNodeDto] })
  @ApiProblems()
  tree(@Query() query: GoalTreeQueryDto) {
    return this.goals.tree(query.framework);
  }

  @Post()
  @Requires('goals:write')
  @ApiOperation({ summary: "Add a goal; its level must be below its parent's" })
  @Creates(GoalDto, 'goals/:id')
  @ApiProblems(409, 413, 422)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateGoalDto) {
    return this.goals.create(ctx, dto);
  }

  @Get(':id')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'One goal; the ETag is its version' })
  @ApiOkResponse({ type: GoalDto })
  @ApiProblems(404)
  get(@Param('id', UuidParam()) id: string) {
    return this.goals.get(id);
  }

  @Patch(':id')
  @Requires('goals:write')
  @ApiOperation({ summary: 'Change or move a goal; the tree stays top down and free of cycles' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from your last read' })
  @ApiOkResponse({ type: GoalDto })
  @ApiProblems(404, 409, 412, 413, 422, 428)
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam()) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateGoalDto,
  ) {
    return this.goals.update(ctx, id, version, dto);
  }
}
