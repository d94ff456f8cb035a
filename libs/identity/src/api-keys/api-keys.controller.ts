import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, PageQueryDto, UuidParam } from '#common';
import type { RequestContext } from '../actor.js';
import { Ctx, Requires } from '../auth/auth.decorators.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto.js';

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @Requires('access:manage')
  @ApiOperation({ summary: 'List the API keys of machine clients (never their secrets)' })
  @ApiPageResponse(ApiKeyDto)
  @ApiProblems()
  list(@Query() query: PageQueryDto) {
    return this.keys.list(query);
  }

  @Post()
  @Requires('access:manage')
  @ApiOperation({ summary: 'Create an API key for a machine client; the answer holds the key, shown this once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(409, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateApiKeyDto) {
    return this.keys.create(ctx, dto);
  }

  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  @Requires('access:manage')
  @ApiOperation({ summary: 'Revoke an API key: from now on it answers 401' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiProblems(404)
  revoke(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.keys.revoke(ctx, id);
  }
}
