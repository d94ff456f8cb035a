import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, findOneOrNotFound, queryOne } from '#common';
import { FundingCliffService } from '#funding';
import { OverlapsService } from '../overlaps/overlaps.service.js';
import { PortfolioReadinessService } from '../readiness/portfolio-readiness.service.js';
import { DECISIONS_SQL } from '../reviews/decisions-due.sql.js';
import { PortfolioReviewEntity } from '../reviews/portfolio-review.entity.js';
import { PortfolioSummaryService } from '../summary/portfolio-summary.service.js';
import { renderReviewPack } from './review-pack.view.js';

/** The funding cliff the pack draws: two budget years' worth of months from the meeting's month. */
const CLIFF_MONTHS = 24;

@Injectable()
export class ReviewPackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly summaries: PortfolioSummaryService,
    private readonly readiness: PortfolioReadinessService,
    private readonly cliffs: FundingCliffService,
    private readonly overlaps: OverlapsService,
  ) {}

  /**
   * The pack for a review meeting (its day decides which decisions are due and which review came before), or, without
   * one, for today. The whole portfolio, unfiltered: the leadership group reviews all of it.
   */
  async render(reviewId?: string): Promise<string> {
    const today = this.clock.today();
    const review = reviewId
      ? await findOneOrNotFound(this.dataSource.getRepository(PortfolioReviewEntity), 'portfolio review', reviewId)
      : null;
    const day = review?.meetingDate ?? today;
    const [summary, readiness, cliff, overlaps, decisions] = await Promise.all([
      this.summaries.summary({}),
      // Only the roll-up is shown; one initiative is the smallest page.
      this.readiness.readiness({ limit: 1, offset: 0 }),
      this.cliffs.cliff({ from: day.slice(0, 7), months: CLIFF_MONTHS }),
      this.overlaps.toDiscuss(),
      queryOne(this.dataSource, DECISIONS_SQL, [day, review ? 0 : 1]),
    ]);
    return renderReviewPack({
      today,
      review: review && { title: review.title, meetingDate: review.meetingDate, notes: review.notes },
      summary,
      cliff,
      readinessByDepartment: readiness.byDepartment,
      overlaps: overlaps.items.map((pair) => ({
        score: pair.score,
        a: pair.initiative,
        b: pair.otherInitiative,
        reasons: pair.reasons.map((r) => r.label),
      })),
      decisionsDue: decisions.due,
      previousDecisions: decisions.previous,
    });
  }
}
