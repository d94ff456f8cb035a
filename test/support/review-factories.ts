import type { DataSource } from 'typeorm';
import { PortfolioDecisionEntity, PortfolioReviewEntity } from '#portfolio-review';

/** A review written straight to the database. */
export function givenReview(ds: DataSource, overrides: Partial<PortfolioReviewEntity> = {}) {
  const repo = ds.getRepository(PortfolioReviewEntity);
  return repo.save(
    repo.create({
      title: 'Portföljgenomgång november 2026',
      meetingDate: '2026-11-23',
      notes: null,
      createdBy: 'test',
      ...overrides,
    }),
  );
}

/** A decision written straight to the database: it moves nothing (use the endpoint for stop and integrate). */
export function givenDecision(
  ds: DataSource,
  reviewId: string,
  initiativeId: string,
  overrides: Partial<PortfolioDecisionEntity> = {},
) {
  const repo = ds.getRepository(PortfolioDecisionEntity);
  return repo.save(
    repo.create({
      reviewId,
      initiativeId,
      decision: 'continue',
      rationale: 'Insatsen når sin målgrupp.',
      followUpDate: null,
      fromStatus: null,
      toStatus: null,
      decidedBy: 'test',
      ...overrides,
    }),
  );
}
