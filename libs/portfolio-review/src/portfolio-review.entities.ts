import { OverlapPairEntity, OverlapFactsEntity } from './overlaps/overlap-pair.entity.js';
import { OverlapReviewEntity } from './overlaps/overlap-review.entity.js';
import { PortfolioDecisionEntity } from './reviews/portfolio-decision.entity.js';
import { PortfolioReviewEntity } from './reviews/portfolio-review.entity.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const PORTFOLIO_REVIEW_ENTITIES = [
  PortfolioReviewEntity,
  PortfolioDecisionEntity,
  OverlapReviewEntity,
  OverlapPairEntity,
  OverlapFactsEntity,
];
