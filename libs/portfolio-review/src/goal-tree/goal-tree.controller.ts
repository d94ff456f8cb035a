import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#common';
import { Requires } from '#identity';
import { GoalTreeFiguresNodeDto, GoalTreeFiguresQueryDto } from './goal-tree.dto.js';
import { GoalTreeFiguresService } from './goal-tree.service.js';

@ApiTags('portfolio')
@Controller('portfolio/goal-tree')
export class GoalTreeFiguresController {
  constructor(private readonly goalTree: GoalTreeFiguresService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({
    summary:
      "The goal tree with, per goal, its initiatives and their annual cost over its subtree, and its indicators' trend",
    description:
      'Every goal, nested as GET /goals/tree nests them. Each counts the initiatives the filters choose (those of GET /initiatives) that link to it or a goal ' +
      'under it, once, with the sum of their annual cost, and names the indicators of its own effect-logic chain with their last two measurements and trend.',
  })
  @ApiOkResponse({ type: [GoalTreeFiguresNodeDto] })
  @ApiProblems(400)
  get(@Query() query: GoalTreeFiguresQueryDto) {
    return this.goalTree.tree(query);
  }
}
