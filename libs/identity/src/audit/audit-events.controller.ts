import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems } from '#common';
import { Requires } from '../auth/auth.decorators.js';
import { AuditService } from './audit.service.js';
import { AuditEventDto, FieldChangeDto, ListAuditEventsQueryDto } from './dto/audit-event.dto.js';

@ApiTags('audit')
@ApiExtraModels(FieldChangeDto)
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Requires('audit:read')
  @ApiOperation({ summary: 'The audit trail: who changed which record, when, from what to what; newest first' })
  @ApiPageResponse(AuditEventDto)
  @ApiProblems()
  list(@Query() query: ListAuditEventsQueryDto) {
    return this.audit.list(query);
  }
}
