import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { API_PREFIX, ApiProblems } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import {
  QUEUE_DASHBOARD_COOKIE,
  QUEUE_DASHBOARD_ROUTE,
  QUEUE_DASHBOARD_SESSION_SECONDS,
  QueueDashboardSessions,
} from './queue-dashboard-session.js';

@ApiTags('jobs')
@Controller('queue-dashboard')
export class QueueDashboardController {
  constructor(private readonly sessions: QueueDashboardSessions) {}

  @Post('session')
  @Requires('jobs:run')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Open the queue dashboard (waiting, active, failed and delayed jobs) for this browser',
    description: `Sets a cookie, HttpOnly and SameSite=Strict, sent only to /${API_PREFIX}/${QUEUE_DASHBOARD_ROUTE}, valid ${QUEUE_DASHBOARD_SESSION_SECONDS / 60} minutes; then open /${API_PREFIX}/${QUEUE_DASHBOARD_ROUTE} in the browser.`,
  })
  @ApiNoContentResponse({ description: 'The session is open' })
  @ApiProblems()
  async open(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    const id = await this.sessions.open(ctx.actor.id);
    response.cookie(QUEUE_DASHBOARD_COOKIE, id, {
      httpOnly: true,
      sameSite: 'strict',
      secure: response.req.secure,
      path: `/${API_PREFIX}/${QUEUE_DASHBOARD_ROUTE}`,
      maxAge: QUEUE_DASHBOARD_SESSION_SECONDS * 1000,
    });
  }
}
