import { Module } from '@nestjs/common';
import { FundingModule } from '#funding';
import { PortfolioModule } from '#portfolio';
import { PortfolioReadinessController } from './readiness/portfolio-readiness.controller.js';
import { PortfolioReadinessService } from './readiness/portfolio-readiness.service.js';
import { PortfolioSummaryController } from './summary/portfolio-summary.controller.js';
import { PortfolioSummaryService } from './summary/portfolio-summary.service.js';
import { PortfolioReviewsController } from './reviews/portfolio-reviews.controller.js';
import { PortfolioReviewsService } from './reviews/portfolio-reviews.service.js';
import { ReviewAgendaService } from './reviews/review-agenda.service.js';
import { PortfolioExportController } from './export/portfolio-export.controller.js';
import { PortfolioExportService } from './export/portfolio-export.service.js';
import { OverlapsController } from './overlaps/overlaps.controller.js';
import { OverlapsService } from './overlaps/overlaps.service.js';
import { OverlapRefreshService } from './overlaps/overlap-refresh.service.js';
import { ReviewPackController } from './review-pack/review-pack.controller.js';
import { ReviewPackService } from './review-pack/review-pack.service.js';
import { GoalTreeFiguresController } from './goal-tree/goal-tree.controller.js';
import { GoalTreeFiguresService } from './goal-tree/goal-tree.service.js';

/**
 * The leadership group's portfolio review (issue 6). It reads across portfolio, funding, alerts and follow-up, so
 * it sits above them: it imports #portfolio and #funding (which imports #portfolio) and none of them imports it.
 */
@Module({
  imports: [PortfolioModule, FundingModule],
  controllers: [
    PortfolioSummaryController,
    PortfolioReadinessController,
    PortfolioReviewsController,
    PortfolioExportController,
    OverlapsController,
    ReviewPackController,
    GoalTreeFiguresController,
  ],
  providers: [
    PortfolioSummaryService,
    PortfolioReadinessService,
    PortfolioReviewsService,
    ReviewAgendaService,
    PortfolioExportService,
    OverlapsService,
    OverlapRefreshService,
    ReviewPackService,
    GoalTreeFiguresService,
  ],
})
export class PortfolioReviewModule {}
