import { sqlList, statement } from '#common';
import { ENDED_STATUSES } from '#portfolio';
import type { PortfolioDecision } from './decision-rules.js';

/** A decision as the pack and the agenda show it. */
export type ShownDecision = {
  initiative: { id: string; code: string; title: string };
  decision: PortfolioDecision;
  rationale: string;
  followUpDate: string | null;
  review: { title: string; meetingDate: string };
};

/**
 * The decisions the review pack and a review's agenda show, in one statement. Only reviews held before the day count
 * (a review's own decisions never judge the pack or agenda prepared for it, so they read the same after the meeting):
 * - due: a decision whose follow-up date is on or before the day, on an initiative still running, with no decision on
 *   the same initiative at a later review before the day (the decision_follow_up_due scan's rule, seen from the day);
 * - previous: every decision of the latest such review.
 * `$1` is the day; `$2` is 0 when the pack is for a meeting (reviews strictly before it) and 1 when for today.
 */
export const DECISIONS_SQL = statement<{
  due: (ShownDecision & { followUpDate: string })[];
  previous: ShownDecision[];
}>(`
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
             'initiative', jsonb_build_object('id', p.initiative_id, 'code', p.code, 'title', p.title),
             'decision', p.decision, 'rationale', p.rationale, 'followUpDate', to_char(p.follow_up_date, 'YYYY-MM-DD'),
             'review', jsonb_build_object('title', p.review_title, 'meetingDate', to_char(p.meeting_date, 'YYYY-MM-DD'))) AS item
      FROM prior p
  )
  SELECT COALESCE(jsonb_agg(item ORDER BY follow_up_date, code) FILTER (WHERE due), '[]') AS due,
         COALESCE(jsonb_agg(item ORDER BY code) FILTER (WHERE previous), '[]') AS previous
    FROM shown`);
