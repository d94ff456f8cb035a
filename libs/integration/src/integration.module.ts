import { Module } from '@nestjs/common';
import { BudgetDimensionsService } from './budget/budget-dimensions.service.js';
import { BudgetIntegrationController } from './budget/budget-integration.controller.js';
import { BudgetLinesService } from './budget/budget-lines.service.js';
import { ChangesFeedController } from './changes-feed/changes-feed.controller.js';
import { ChangesFeedService } from './changes-feed/changes-feed.service.js';
import { InitiativeFinanceController } from './finance/initiative-finance.controller.js';
import { InitiativeFinanceService } from './finance/initiative-finance.service.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

/** The budget system's side of Samla: its coding string, budget and actual lines (design: Budget lines), and the changes feed it reads back. */
@Module({
  imports: [WebhooksModule],
  controllers: [BudgetIntegrationController, ChangesFeedController, InitiativeFinanceController],
  providers: [
    BudgetDimensionsService,
    BudgetLinesService,
    ChangesFeedService,
    IdempotencyService,
    InitiativeFinanceService,
  ],
})
export class IntegrationModule {}
