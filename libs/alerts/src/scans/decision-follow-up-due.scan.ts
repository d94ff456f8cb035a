import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PORTFOLIO_DECISION_LABELS, sqlList } from '#common';
import { ENDED_STATUSES } from '#portfolio';
import type { AlertScan, ScanCounts } from './alert-scan.js';
import { applyFindings } from './apply-findings.js';

/**
 * A portfolio review's decision whose follow-up date has passed (before `asOf`) while nothing has followed it: a
 * warning, one per decision, attached to the initiative and its lead department. A later decision on the same
 * initiative (a review with a later meeting, or the same meeting day recorded later) resolves it, because the
 * leadership group has looked at the initiative again; so does the initiative ending (completed, integrated,
 * discontinued), because there is nothing left to follow up. The portfolio-review context owns the table; it is read
 * here by name (docs/adr/0003-cross-context-reads.md).
 */
@Injectable()
export class DecisionFollowUpDueScan implements AlertScan {
  readonly name = 'decision_follow_up_due' as const;

  run(em: EntityManager, asOf: string): Promise<ScanCounts> {
    const sql = `
      SELECT 'decision_follow_up_due:' || d.id AS dedupe_key,
             'warning' AS severity,
             d.initiative_id,
             NULL::uuid AS funding_id,
             i.lead_department_id AS department_id,
             left('Beslut ska följas upp för ' || i.title, 300) AS title,
             i.title || ' (' || i.code || '): beslutet "' || ($2::jsonb ->> d.decision) || '" i ' || r.title || ' (' || to_char(r.meeting_date, 'YYYY-MM-DD') ||
               ') skulle följas upp senast ' || to_char(d.follow_up_date, 'YYYY-MM-DD') || ', och inget nytt beslut har fattats sedan dess. ' ||
               'Ta upp insatsen vid nästa portföljgenomgång. Motivering då: ' || d.rationale AS detail,
             d.follow_up_date AS due_date,
             NULL::bigint AS amount_sek
        FROM portfolio_decisions d
        JOIN portfolio_reviews r ON r.id = d.review_id
        JOIN initiatives i ON i.id = d.initiative_id
       WHERE d.follow_up_date < $1::date
         AND i.status NOT IN (${sqlList(ENDED_STATUSES)})
         AND NOT EXISTS (
               SELECT 1
                 FROM portfolio_decisions later
                 JOIN portfolio_reviews lr ON lr.id = later.review_id
                WHERE later.initiative_id = d.initiative_id
                  AND (lr.meeting_date, later.created_at) > (r.meeting_date, d.created_at))`;
    return applyFindings(em, this.name, asOf, { sql, params: [asOf, JSON.stringify(PORTFOLIO_DECISION_LABELS)] });
  }
}
