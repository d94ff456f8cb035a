import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems, IfMatchVersion, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import {
  CreateEffectLinkDto,
  CreateEffectNodeDto,
  EffectGraphDto,
  EffectLinkDto,
  EffectLogicQueryDto,
  EffectNodeDto,
  UpdateEffectNodeDto,
} from './dto/effect-logic.dto.js';
import type { EffectGraph } from './effect-graph.js';
import { renderMermaid } from './effect-graph.mermaid.js';
import { EffectLogicService } from './effect-logic.service.js';

/** JSON by default; `?format=mermaid` the same graph as text to paste into a report. */
const ApiGraphResponse = () =>
  applyDecorators(
    ApiExtraModels(EffectGraphDto),
    ApiOkResponse({
      description: 'The graph as JSON, or with `?format=mermaid` as Mermaid `flowchart LR` text',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(EffectGraphDto) } },
        'text/plain': { schema: { type: 'string', example: 'flowchart LR\n  subgraph activity["Aktiviteter"]\n  …' } },
      },
    }),
    ApiProblems(404),
  );

@ApiTags('results')
@Controller()
export class EffectLogicController {
  constructor(private readonly effectLogic: EffectLogicService) {}

  @Get('initiatives/:id/effect-logic')
  @Requires('portfolio:read')
  @ApiOperation({ summary: "An initiative's effect logic, with the goal-chain nodes it links into" })
  @ApiGraphResponse()
  async initiativeGraph(
    @Param('id', UuidParam()) id: string,
    @Query() query: EffectLogicQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(await this.effectLogic.graph('initiative', id), query, res);
  }

  @Get('goals/:id/effect-logic')
  @Requires('portfolio:read')
  @ApiOperation({ summary: "A goal's effect-logic chain, each node with the initiatives that contribute to it" })
  @ApiGraphResponse()
  async goalGraph(
    @Param('id', UuidParam()) id: string,
    @Query() query: EffectLogicQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(await this.effectLogic.graph('goal', id), query, res);
  }

  @Post('effect-nodes')
  @Requires('effect-logic:write')
  @ApiOperation({ summary: "Add a node to an initiative's or a goal's effect-logic chain" })
  @ApiCreatedResponse({ type: EffectNodeDto })
  @ApiProblems(413, 422)
  createNode(@Ctx() ctx: RequestContext, @Body() dto: CreateEffectNodeDto) {
    return this.effectLogic.createNode(ctx, dto);
  }

  @Patch('effect-nodes/:id')
  @Requires('effect-logic:write')
  @ApiOperation({ summary: "Change a node's level, title or description; its links must stay forward" })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from your last read' })
  @ApiOkResponse({ type: EffectNodeDto })
  @ApiProblems(404, 409, 412, 413, 422, 428)
  updateNode(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam()) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateEffectNodeDto,
  ) {
    return this.effectLogic.updateNode(ctx, id, version, dto);
  }

  @Delete('effect-nodes/:id')
  @Requires('effect-logic:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a node with its links; refused (409) while another chain links into it' })
  @ApiNoContentResponse({ description: 'Deleted, with its links' })
  @ApiProblems(404, 409)
  removeNode(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.effectLogic.removeNode(ctx, id);
  }

  @Post('effect-links')
  @Requires('effect-logic:write')
  @ApiOperation({ summary: 'Link a node to a later-level node of its own chain or of a goal chain within reach' })
  @ApiCreatedResponse({ type: EffectLinkDto })
  @ApiProblems(409, 413, 422)
  createLink(@Ctx() ctx: RequestContext, @Body() dto: CreateEffectLinkDto) {
    return this.effectLogic.createLink(ctx, dto);
  }

  @Delete('effect-links/:id')
  @Requires('effect-logic:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a link (by whoever writes the chain it starts in)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404)
  removeLink(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.effectLogic.removeLink(ctx, id);
  }
}

function respond(graph: EffectGraph, query: EffectLogicQueryDto, res: Response): EffectGraph | string {
  if (query.format !== 'mermaid') return graph;
  res.type('text/plain; charset=utf-8');
  return renderMermaid(graph);
}
