import { statement } from '#common';
import type { InitiativeStatus } from '#portfolio';
import type {
  InitiativeDecisionDto,
  PortfolioDecisionDto,
  PortfolioReviewListItemDto,
  ReviewDecisionDto,
} from './dto/portfolio-review.dto.js';

/** A decision's columns as the API shows them, from `portfolio_decisions d`. */
const DECISION_COLUMNS = `d.id, d.review_id AS "reviewId", d.initiative_id AS "initiativeId", d.decision, d.rationale,
  to_char(d.follow_up_date, 'YYYY-MM-DD') AS "followUpDate", d.from_status AS "fromStatus", d.to_status AS "toStatus",
  d.decided_by AS "decidedBy", d.created_at AS "createdAt"`;

/** A page's rows carry the count of all matches (window), read from the first. */
export type Counted<T> = T & { total: number };

/** A page (`$1` limit, `$2` offset) of reviews, newest meeting first, each with its decision counts. */
export const REVIEWS_PAGE_SQL = statement<Counted<PortfolioReviewListItemDto>>(
  `SELECT r.id, r.title, to_char(r.meeting_date, 'YYYY-MM-DD') AS "meetingDate", r.notes, r.created_by AS "createdBy",
          r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt",
          (SELECT count(*)::int FROM portfolio_decisions d WHERE d.review_id = r.id) AS "decisionCount",
          (SELECT count(*)::int FROM portfolio_decisions d WHERE d.review_id = r.id AND d.to_status IS NOT NULL) AS "movedCount",
          count(*) OVER ()::int AS total
     FROM portfolio_reviews r
    ORDER BY r.meeting_date DESC, r.created_at DESC, r.id
    LIMIT $1 OFFSET $2`,
);

export const REVIEW_COUNT_SQL = statement<{ total: number }>(`SELECT count(*)::int AS total FROM portfolio_reviews`);

/** Review `$1`'s decisions by initiative code, each with its initiative's code and title. */
export const REVIEW_DECISIONS_SQL = statement<ReviewDecisionDto>(
  `SELECT ${DECISION_COLUMNS}, i.code AS "initiativeCode", i.title AS "initiativeTitle"
     FROM portfolio_decisions d
     JOIN initiatives i ON i.id = d.initiative_id
    WHERE d.review_id = $1
    ORDER BY i.code, d.id`,
);

/** Initiative `$1`'s status, for the decision's rules. */
export const INITIATIVE_STATUS_SQL = statement<{ status: InitiativeStatus }>(
  `SELECT status FROM initiatives WHERE id = $1`,
);

/** Decision `$1` as the API shows it. */
export const DECISION_SQL = statement<PortfolioDecisionDto>(
  `SELECT ${DECISION_COLUMNS} FROM portfolio_decisions d WHERE d.id = $1`,
);

/** A page (`$2` limit, `$3` offset) of initiative `$1`'s decisions across reviews, newest meeting first. */
export const INITIATIVE_DECISIONS_PAGE_SQL = statement<Counted<InitiativeDecisionDto>>(
  `SELECT ${DECISION_COLUMNS}, r.title AS "reviewTitle", to_char(r.meeting_date, 'YYYY-MM-DD') AS "meetingDate",
          count(*) OVER ()::int AS total
     FROM portfolio_decisions d
     JOIN portfolio_reviews r ON r.id = d.review_id
    WHERE d.initiative_id = $1
    ORDER BY r.meeting_date DESC, d.created_at DESC, d.id
    LIMIT $2 OFFSET $3`,
);

export const INITIATIVE_DECISION_COUNT_SQL = statement<{ total: number }>(
  `SELECT count(*)::int AS total FROM portfolio_decisions WHERE initiative_id = $1`,
);
