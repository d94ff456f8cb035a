import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, IfMatchVersion, PROBLEM_CONTENT_TYPE, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import {
  CreateReportingRoundDto,
  ListReportingRoundsQueryDto,
  ReportingRoundDto,
  RoundCompletionDto,
} from './dto/reporting-round.dto.js';
import {
  ListStatusReportsQueryDto,
  ReturnStatusReportDto,
  StatusReportDto,
  StatusReportWithIndicatorsDto,
  UpdateStatusReportDto,
} from './dto/status-report.dto.js';
import { ReportingRoundsService } from './reporting-rounds.service.js';
import { StatusReportsService } from './status-reports.service.js';

@ApiTags('follow-up')
@Controller()
export class FollowUpController {
  constructor(
    private readonly rounds: ReportingRoundsService,
    private readonly reports: StatusReportsService,
  ) {}

  @Get('reporting-rounds')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'Reporting rounds, latest due date first' })
  @ApiPageResponse(ReportingRoundDto)
  @ApiProblems()
  listRounds(@Query() query: ListReportingRoundsQueryDto) {
    return this.rounds.list(query);
  }

  @Post('reporting-rounds')
  @Requires('reporting-rounds:write')
  @ApiOperation({
    summary: 'Create a reporting round; a job creates one status report per initiative in scope (leadership)',
  })
  @ApiCreatedResponse({ type: ReportingRoundDto })
  @ApiProblems(413, 422)
  @ApiResponse({
    status: HttpStatus.SERVICE_UNAVAILABLE,
    description: 'The job queue (Redis) does not answer; nothing was written',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
  })
  createRound(@Ctx() ctx: RequestContext, @Body() dto: CreateReportingRoundDto) {
    return this.rounds.create(ctx, dto);
  }

  @Get('reporting-rounds/:id/completion')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'Per lead department: reports submitted, pending and overdue (as of today)' })
  @ApiOkResponse({ type: RoundCompletionDto })
  @ApiProblems(404)
  completion(@Param('id', UuidParam()) id: string) {
    return this.rounds.completion(id);
  }

  @Get('status-reports')
  @Requires('portfolio:read')
  @ApiOperation({
    summary:
      'Status reports, newest first, filtered by round, initiative, department or status; each with its indicator values for the period',
  })
  @ApiPageResponse(StatusReportWithIndicatorsDto)
  @ApiProblems()
  listReports(@Ctx() ctx: RequestContext, @Query() query: ListStatusReportsQueryDto) {
    return this.reports.list(ctx, query);
  }

  @Get('status-reports/:id')
  @Requires('portfolio:read')
  @ApiOperation({
    summary: 'One status report with the indicator values for its round’s period; the ETag is its version',
  })
  @ApiOkResponse({ type: StatusReportWithIndicatorsDto })
  @ApiProblems(404)
  getReport(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.reports.get(ctx, id);
  }

  @Patch('status-reports/:id')
  @Requires('status-reports:write')
  @ApiOperation({ summary: 'Write a pending or returned status report (lead or co-owner department)' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from your last read' })
  @ApiOkResponse({ type: StatusReportDto })
  @ApiProblems(404, 409, 412, 413, 422, 428)
  updateReport(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam()) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateStatusReportDto,
  ) {
    return this.reports.update(ctx, id, version, dto);
  }

  @Post('status-reports/:id/submit')
  @Requires('status-reports:write')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Submit a pending or returned report; it needs a RAG status and progress (lead or co-owner department)',
  })
  @ApiOkResponse({ type: StatusReportDto })
  @ApiProblems(404, 409, 422)
  submit(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.reports.submit(ctx, id);
  }

  @Post('status-reports/:id/approve')
  @Requires('status-reports:decide')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve a submitted report (leadership)' })
  @ApiOkResponse({ type: StatusReportDto })
  @ApiProblems(404, 409)
  approve(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string) {
    return this.reports.approve(ctx, id);
  }

  @Post('status-reports/:id/return')
  @Requires('status-reports:decide')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Return a submitted report for completion, with a comment (leadership)' })
  @ApiOkResponse({ type: StatusReportDto })
  @ApiProblems(404, 409, 413, 422)
  returnReport(@Ctx() ctx: RequestContext, @Param('id', UuidParam()) id: string, @Body() dto: ReturnStatusReportDto) {
    return this.reports.return(ctx, id, dto.comment);
  }
}
