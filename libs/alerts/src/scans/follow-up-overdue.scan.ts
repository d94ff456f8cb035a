import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertScan, ScanCounts } from './alert-scan.js';
import { applyFindings } from './apply-findings.js';

/** Days past the due date after which a missing status report is critical. */
export const FOLLOW_UP_CRITICAL_AFTER_DAYS = 30;

/**
 * A status report not submitted (pending, or returned for completion) after its round's due date: a warning, critical
 * once a month late. One alert per report, for the lead department the report was created for; submitting it
 * resolves the alert on the next scan.
 */
@Injectable()
export class FollowUpOverdueScan implements AlertScan {
  readonly name = 'follow_up_overdue' as const;

  run(em: EntityManager, asOf: string): Promise<ScanCounts> {
    const late = `($1::date - r.due_date)`;
    const sql = `
      SELECT 'follow_up_overdue:' || s.id AS dedupe_key,
             CASE WHEN ${late} > $2::int THEN 'critical' ELSE 'warning' END AS severity,
             s.initiative_id,
             NULL::uuid AS funding_id,
             s.department_id,
             left('Statusrapport saknas för ' || i.title || ' i ' || r.title, 300) AS title,
             i.title || ' (' || i.code || '): statusrapporten i uppföljningsomgången "' || r.title || '" (period ' || r.period || ') ' ||
               'skulle ha lämnats ' || to_char(r.due_date, 'YYYY-MM-DD') || ' och är ' || ${late} || CASE ${late} WHEN 1 THEN ' dag' ELSE ' dagar' END || ' försenad' ||
               CASE s.status WHEN 'returned' THEN ' (återsänd för komplettering).' ELSE '.' END AS detail,
             r.due_date,
             NULL::bigint AS amount_sek
        FROM status_reports s
        JOIN reporting_rounds r ON r.id = s.round_id
        JOIN initiatives i ON i.id = s.initiative_id
       WHERE s.status IN ('pending', 'returned')
         AND r.due_date < $1::date`;
    return applyFindings(em, this.name, asOf, { sql, params: [asOf, FOLLOW_UP_CRITICAL_AFTER_DAYS] });
  }
}
