import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiPageResponse, ApiProblems, Creates } from '#common';
import type { RequestContext } from '../actor.js';
import { Ctx, Requires } from '../auth/auth.decorators.js';
import { SubjectParam } from './subject-param.pipe.js';
import { ListUsersQueryDto, PutUserDto, UserDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

const SUBJECT = {
  name: 'subject',
  description: 'The identity provider’s stable id for the person (the user-id claim, e.g. Entra ID’s oid).',
};

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Requires('access:manage')
  @ApiOperation({ summary: 'List the people Samla maps to a department' })
  @ApiPageResponse(UserDto)
  @ApiProblems()
  list(@Query() query: ListUsersQueryDto) {
    return this.users.list(query);
  }

  @Get(':subject')
  @Requires('access:manage')
  @ApiOperation({ summary: 'One person’s department mapping' })
  @ApiParam(SUBJECT)
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(404)
  get(@Param('subject', SubjectParam) subject: string) {
    return this.users.get(subject);
  }

  @Put(':subject')
  @Requires('access:manage')
  @ApiOperation({
    summary:
      'Place a person in a department (creates or replaces the mapping); used when their token names no department',
  })
  @ApiParam(SUBJECT)
  @ApiOkResponse({ type: UserDto, description: 'Replaced' })
  @Creates(UserDto, 'users/:subject')
  @ApiProblems(409, 413, 422)
  async put(
    @Ctx() ctx: RequestContext,
    @Param('subject', SubjectParam) subject: string,
    @Body() dto: PutUserDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { user, created } = await this.users.put(ctx, subject, dto);
    res.status(created ? 201 : 200);
    return user;
  }
}
