import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  Creates,
  IdOrCodeParam,
  IfMatchVersion,
  UuidParam,
  type RecordRef,
} from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import {
  CreateInitiativeDto,
  InitiativeDto,
  ListInitiativesQueryDto,
  NextMovesDto,
  TransitionDto,
  UpdateInitiativeDto,
} from '../dto/initiative.dto.js';
import { InitiativesService } from './initiatives.service.js';

@ApiTags('initiatives')
@Controller('initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'List initiatives with filters, free text and sort' })
  @ApiPageResponse(InitiativeDto)
  @ApiProblems()
  list(@Query() query: ListInitiativesQueryDto) {
    return this.initiatives.list(query);
  }

  @Post()
  @Requires('initiatives:create')
  @ApiOperation({
    summary: 'Register an initiative (as a draft) with its participants, goals, target groups and districts',
    description:
      'A department head registers initiatives their own department leads and may leave leadDepartmentId out; an admin names it.',
  })
  @Creates(InitiativeDto, 'initiatives/:id')
  @ApiProblems(409, 413, 422)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateInitiativeDto) {
    return this.initiatives.create(ctx, dto);
  }

  @Get(':id')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'One initiative, by id or by code; the ETag is its version' })
  @ApiParam({ name: 'id', description: 'The initiative’s id, or its code (e.g. SSPF)' })
  @ApiOkResponse({ type: InitiativeDto })
  @ApiProblems(404)
  get(@Param('id', IdOrCodeParam()) ref: RecordRef) {
    return this.initiatives.get(ref);
  }

  @Patch(':id')
  @Requires('initiatives:write')
  @ApiOperation({
    summary:
      'Change an initiative; a link list that is sent replaces the stored one. Status changes go through transitions.',
    description:
      'Only an admin changes leadDepartmentId (hands the initiative over); nobody else may drop their own department from the co-owners.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from your last read' })
  @ApiOkResponse({ type: InitiativeDto })
  @ApiProblems(404, 409, 412, 413, 422, 428)
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam()) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateInitiativeDto,
  ) {
    return this.initiatives.update(ctx, id, version, dto);
  }

  @Delete(':id')
  @Requires('initiatives:delete')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a draft. Anything past draft is a public record: discontinue it instead (409).' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409)
  remove(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.initiatives.remove(ctx, id);
  }

  @Get(':id/transitions')
  @Requires('portfolio:read')
  @ApiOperation({
    summary:
      'The lifecycle moves open to an initiative now, each with its unmet guards and whether the caller may make it',
    description:
      'Reads what `POST /initiatives/{id}/transitions` would answer for every status the lifecycle allows next, without attempting a move: ' +
      '`unmetGuards` as its 422 would list them, `allowed` as its 403 would decide. An ended initiative has no moves. By id or by code.',
  })
  @ApiParam({ name: 'id', description: 'The initiative’s id, or its code (e.g. SSPF)' })
  @ApiOkResponse({ type: NextMovesDto })
  @ApiProblems(404)
  nextMoves(@Ctx() ctx: RequestContext, @Param('id', IdOrCodeParam()) ref: RecordRef) {
    return this.initiatives.nextMoves(ctx.actor, ref);
  }

  @Post(':id/transitions')
  @Requires('initiatives:transition')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move an initiative through its lifecycle',
    description:
      'draft → proposed → approved → active → completed | integrated | discontinued. proposed needs a lead department and a goal; ' +
      'approved also a follow-up plan and a funding line; active also a start date. A move the lifecycle does not allow from the current status (e.g. draft → active) answers 409; ' +
      'an allowed move whose guards are not met answers 422 listing every unmet guard in `unmetGuards`. ' +
      'Which role may make which move (department heads only up to proposed, on their own initiatives; leadership ' +
      'approves, starts and ends) is in the permission matrix (docs/domain.md, "Who may do what"; `GET /me` says it per person); others get 403.',
  })
  @ApiOkResponse({ type: InitiativeDto })
  @ApiProblems(404, 409, 422)
  transition(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string, @Body() dto: TransitionDto) {
    return this.initiatives.transition(ctx, id, dto);
  }
}
