import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, PROBLEM_CONTENT_TYPE, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import { JobRunDto, ListJobRunsQueryDto, RequestJobRunDto } from './dto/job-run.dto.js';
import { JOB_NAMES } from './job-names.js';
import { JobsService } from './jobs.service.js';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Post(':name/runs')
  @HttpCode(HttpStatus.ACCEPTED)
  @Requires('jobs:run')
  @ApiOperation({ summary: 'Run a job now (a scan, as of today or a given day); follow it at /job-runs/{id}' })
  @ApiParam({ name: 'name', enum: JOB_NAMES })
  @ApiAcceptedResponse({ type: JobRunDto, description: 'Queued; the worker runs it' })
  @ApiProblems(404)
  @ApiResponse({
    status: HttpStatus.SERVICE_UNAVAILABLE,
    description: 'The job queue (Redis) does not answer; nothing was queued',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
  })
  requestRun(@Ctx() ctx: RequestContext, @Param('name') name: string, @Body() dto: RequestJobRunDto) {
    return this.jobs.requestRun(ctx, name, dto.asOf);
  }
}

/** A run on a path of its own: under /jobs, `runs/{id}` and `{name}/runs` would both match `/jobs/runs/runs`. */
@ApiTags('jobs')
@Controller('job-runs')
export class JobRunsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Requires('jobs:run')
  @ApiOperation({ summary: "The run history, newest first: runs asked for and the scheduler's alike" })
  @ApiPageResponse(JobRunDto)
  @ApiProblems()
  list(@Query() query: ListJobRunsQueryDto) {
    return this.jobs.listRuns(query);
  }

  @Get(':id')
  @Requires('jobs:run')
  @ApiOperation({ summary: 'How a job run went: state, attempts, counts (raised, escalated, resolved), error, times' })
  @ApiOkResponse({ type: JobRunDto })
  @ApiProblems(404)
  findRun(@Param('id', UuidParam()) id: string) {
    return this.jobs.findRun(id);
  }
}
