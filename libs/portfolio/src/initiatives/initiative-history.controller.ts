import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, PageQueryDto, UuidParam } from '#common';
import { AuditEventDto, AuditService, FieldChangeDto, Requires } from '#identity';
import { InitiativesService } from './initiatives.service.js';

/** Here rather than in audit: portfolio may depend on audit, never the reverse. */
@ApiTags('initiatives')
@ApiExtraModels(FieldChangeDto)
@Controller('initiatives/:id/history')
export class InitiativeHistoryController {
  constructor(
    private readonly initiatives: InitiativesService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({ summary: "An initiative's audit trail, with its funding lines' changes; newest first" })
  @ApiPageResponse(AuditEventDto)
  @ApiProblems(404)
  async list(@Param('id', UuidParam()) id: string, @Query() page: PageQueryDto) {
    await this.initiatives.get(id);
    return this.audit.list({ initiativeId: id, limit: page.limit, offset: page.offset });
  }
}
