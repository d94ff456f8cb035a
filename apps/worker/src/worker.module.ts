import { Module, type DynamicModule } from '@nestjs/common';
import { AlertScansModule } from '#alerts';
import { CommonModule, HealthModule, LoggingModule, RedisModule } from '#common';
import { DatabaseModule } from '#database';
import { ENTITIES } from '#schema';
import { FollowUpWorkerModule } from '#follow-up';
import { WebhooksWorkerModule } from '#integration';
import { JobSchedulesModule } from '#jobs';
import { NotificationsModule } from '#notifications';
import { OverlapScanModule, PortfolioRollupsModule } from '#portfolio-review';
import { KoladaImportModule } from '#results';
import { NotificationsProcessor } from './notifications.processor.js';
import { PortfolioScansProcessor } from './portfolio-scans.processor.js';
import { PortfolioWorkflows } from './portfolio-workflows.service.js';
import { WebhooksProcessor } from './webhooks.processor.js';

/** The worker runs queued jobs (scans, notifications) and answers only its health check over HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CommonModule.forRoot(),
        LoggingModule,
        DatabaseModule.forRoot(ENTITIES),
        RedisModule,
        HealthModule,
        JobSchedulesModule,
        AlertScansModule,
        NotificationsModule,
        FollowUpWorkerModule,
        KoladaImportModule,
        OverlapScanModule,
        PortfolioRollupsModule,
        WebhooksWorkerModule,
      ],
      providers: [PortfolioWorkflows, PortfolioScansProcessor, NotificationsProcessor, WebhooksProcessor],
    };
  }
}
