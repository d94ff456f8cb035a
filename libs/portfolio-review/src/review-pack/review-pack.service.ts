import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, findOneOrNotFound, sqlList, type AppConfig } from '#common';
import { ENDED_STATUSES } from '#portfolio';
import { FundingCliffService } from '#funding';
import { OverlapsService } from '../overlaps/overlaps.service.js';
import { PortfolioReadinessService } from '../readiness/portfolio-readiness.service.js';
import { PortfolioReviewEntity } from '../reviews/portfolio-review.entity.js';
import { PortfolioSummaryService } from '../summary/portfolio-summary.service.js';
import { renderReviewPack, type PackDecision } from './review-pack.view.js';

/** The funding cliff the pack draws: two budget years' worth of months from the meeting's month. */
const CLIFF_MONTHS = 24;
/** Enough pairs for one meeting's agenda; the rest are a click away in GET /portfolio/overlaps. */
const OVERLAPS_TO_DISCUSS = 15;

/**
 * The decisions the pack shows, in one statement. Only reviews held before the pack's day count (a review's own
 * decisions never judge the pack prepared for it, so the pack reads the same after the meeting):
 * - due: a decision whose follow-up date is on or before the day, on an initiative still running, with no decision on
 *   the same initiative at a later review before the day (the decision_follow_up_due scan's rule, seen from the day);
 * - previous: every decision of the latest such review.
 * `$1` is the day; `$2` is 0 when the pack is for a meeting (reviews strictly before it) and 1 when for today.
 */
const DECISIONS_SQL = `
  WITH prior AS (
    SELECT d.id, d.initiative_id, d.decision, d.rationale, d.follow_up_date, d.created_at, d.review_id,
           r.title AS review_title, r.meeting_date, r.created_at AS review_created_at, i.code, i.title, i.status
      FROM portfolio_decisions d
      JOIN portfolio_reviews r ON r.id = d.review_id
      JOIN initiatives i ON i.id = d.initiative_id
     WHERE r.meeting_date < $1::date + $2::int
  ),
  latest_review AS (SELECT review_id FROM prior ORDER BY meeting_date DESC, review_created_at DESC, review_id LIMIT 1),
  shown AS (
    SELECT p.*,
           p.follow_up_date <= $1::date
             AND p.status NOT IN (${sqlList(ENDED_STATUSES)})
             AND NOT EXISTS (SELECT 1 FROM prior later
                              WHERE later.initiative_id = p.initiative_id
                                AND (later.meeting_date, later.created_at) > (p.meeting_date, p.created_at)) AS due,
           p.review_id = (SELECT review_id FROM latest_review) AS previous,
           jsonb_build_object(
             'initiative', jsonb_build_object('code', p.code, 'title', p.title),
             'decision', p.decision, 'rationale', p.rationale, 'followUpDate', to_char(p.follow_up_date, 'YYYY-MM-DD'),
             'review', jsonb_build_object('title', p.review_title, 'meetingDate', to_char(p.meeting_date, 'YYYY-MM-DD'))) AS item
      FROM prior p
  )
  SELECT COALESCE(jsonb_agg(item ORDER BY follow_up_date, code) FILTER (WHERE due), '[]') AS due,
         COALESCE(jsonb_agg(item ORDER BY code) FILTER (WHERE previous), '[]') AS previous
    FROM shown`;

@Injectable()
export class ReviewPackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
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
    const review = reviewId ? await findOneOrNotFound(this.dataSource.getRepository(PortfolioReviewEntity), 'portfolio review', reviewId) : null;
    const day = review?.meetingDate ?? today;
    const [summary, readiness, cliff, overlaps, [decisions]] = await Promise.all([
      this.summaries.summary({}),
      // Only the roll-up is shown; one initiative is the smallest page.
      this.readiness.readiness({ limit: 1, offset: 0 }),
      this.cliffs.cliff({ from: day.slice(0, 7), months: CLIFF_MONTHS }),
      this.overlaps.list({ minScore: this.overlapsWorthAMeeting(), limit: OVERLAPS_TO_DISCUSS, offset: 0 }),
      this.dataSource.query(DECISIONS_SQL, [day, review ? 0 : 1]) as Promise<{ due: PackDecision[]; previous: PackDecision[] }[]>,
    ]);
    return renderReviewPack({
      today,
      review: review && { title: review.title, meetingDate: review.meetingDate, notes: review.notes },
      summary,
      cliff,
      readinessByDepartment: readiness.byDepartment,
      overlaps: overlaps.items.map((pair) => ({ score: pair.score, a: pair.initiative, b: pair.otherInitiative, reasons: pair.reasons.map((r) => r.label) })),
      decisionsDue: decisions.due,
      previousDecisions: decisions.previous,
    });
  }

  /** The pairs an alert would be raised for; never below what the overlap list keeps at all. */
  private overlapsWorthAMeeting(): number {
    return Math.max(this.config.get('OVERLAP_ALERT_MIN_SCORE', { infer: true }), this.config.get('OVERLAP_LIST_MIN_SCORE', { infer: true }));
  }
}
