import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response, Router } from 'express';
import { API_PREFIX } from '#common';
import { UnauthenticatedProblem } from '#identity';
import { QUEUES } from '../queues.js';
import { QueuesModule } from '../queues.module.js';
import { QueueDashboardController } from './queue-dashboard.controller.js';
import { QUEUE_DASHBOARD_ROUTE, QueueDashboardSessions, sessionIdFrom } from './queue-dashboard-session.js';

/**
 * bull-board's dashboard of the queues (waiting, active, failed and delayed jobs, with retry) on /api/v1/queues, for
 * admins: the web app opens a session (POST /queue-dashboard/session, `jobs:run`), and the dashboard's pages and its
 * API answer only with that session's cookie. Mounted by hand as @bull-board/nestjs mounts it: that package is
 * CommonJS requiring @nestjs/common, which NestJS 12 ships as ESM only, and Jest cannot load that.
 */
@Module({
  imports: [QueuesModule.forRoot('producer')],
  controllers: [QueueDashboardController],
  providers: [QueueDashboardSessions],
})
export class QueueDashboardModule implements NestModule {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly sessions: QueueDashboardSessions,
  ) {}

  configure(consumer: MiddlewareConsumer) {
    const board = new ExpressAdapter();
    board.setBasePath(`/${API_PREFIX}/${QUEUE_DASHBOARD_ROUTE}`);
    const queues = Object.values(QUEUES).map(
      (name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })),
    );
    createBullBoard({ queues, serverAdapter: board, options: { uiConfig: { boardTitle: 'Samla' } } });
    consumer.apply(this.onlyWithSession(), board.getRouter() as Router).forRoutes(QUEUE_DASHBOARD_ROUTE);
  }

  /** Lets a request into the dashboard only with an open session (see QueueDashboardSessions). */
  private onlyWithSession() {
    return (request: Request, _response: Response, next: NextFunction) => {
      this.sessions
        .isOpen(sessionIdFrom(request.headers.cookie))
        .then(
          (open) =>
            next(
              open
                ? undefined
                : new UnauthenticatedProblem(
                    'Open the queue dashboard from Samla’s Administration page, signed in as an administrator; a session lasts 15 minutes.',
                    false,
                  ),
            ),
          next,
        );
    };
  }
}
