import { Module } from '@nestjs/common';
import { PortfolioReadinessController } from './readiness/portfolio-readiness.controller.js';
import { PortfolioReadinessService } from './readiness/portfolio-readiness.service.js';
import { PortfolioSummaryController } from './summary/portfolio-summary.controller.js';
import { PortfolioSummaryService } from './summary/portfolio-summary.service.js';

/**
 * The leadership group's portfolio review (issue 6). It reads across portfolio, funding, alerts and follow-up, so
 * it sits above them: it imports #portfolio and #funding (which imports #portfolio) and none of them imports it.
 */
@Module({
  controllers: [PortfolioSummaryController, PortfolioReadinessController],
  providers: [PortfolioSummaryService, PortfolioReadinessService],
})
export class PortfolioReviewModule {}
