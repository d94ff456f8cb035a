import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReportingDeadlineKind } from '#funding';
import type { AlertScan, ScanCounts } from './alert-scan.js';
import { applyFindings } from './apply-findings.js';

/** How far ahead a funder's deadline is flagged, and from when it is a warning. */
export const REPORT_DUE_WITHIN_DAYS = 30;
export const REPORT_DUE_WARNING_DAYS = 7;

const DEADLINE_LABELS: Record<ReportingDeadlineKind, string> = {
  interim: 'Delredovisning',
  final: 'Slutredovisning',
  claim: 'Ansökan om utbetalning',
};

/**
 * A funder's reporting deadline (interim report, final report, claim for payment) within 30 days, on a line that
 * was not rejected, of an initiative that has not ended. One alert per line, date and kind; a passed deadline
 * resolves it (whether the report went in is the funder's to know, not Samla's).
 */
@Injectable()
export class FunderReportDueScan implements AlertScan {
  readonly name = 'funder_report_due' as const;

  run(em: EntityManager, asOf: string): Promise<ScanCounts> {
    const days = `(d.due - $1::date)`;
    const label = `($2::jsonb ->> d.kind)`;
    const sql = `
      SELECT 'funder_report_due:' || f.id || ':' || to_char(d.due, 'YYYY-MM-DD') || ':' || d.kind AS dedupe_key,
             CASE WHEN ${days} <= $4::int THEN 'warning' ELSE 'info' END AS severity,
             f.initiative_id,
             f.id AS funding_id,
             i.lead_department_id AS department_id,
             left(${label} || ' till ' || f.funder || ' senast ' || to_char(d.due, 'YYYY-MM-DD'), 300) AS title,
             i.title || ' (' || i.code || '): ' || coalesce(d.description, ${label}) || ' till ' || f.funder || ' ska lämnas ' ||
               CASE ${days} WHEN 0 THEN 'i dag' WHEN 1 THEN 'i morgon' ELSE 'om ' || ${days} || ' dagar' END ||
               ' (' || to_char(d.due, 'YYYY-MM-DD') || ').' AS detail,
             d.due AS due_date,
             NULL::bigint AS amount_sek
        FROM funding_lines f
        JOIN initiatives i ON i.id = f.initiative_id
        CROSS JOIN LATERAL (
          SELECT (e.deadline ->> 'date')::date AS due, e.deadline ->> 'kind' AS kind, e.deadline ->> 'description' AS description
            FROM jsonb_array_elements(f.reporting_deadlines) AS e(deadline)
        ) d
       WHERE f.status <> 'rejected'
         AND f.reporting_deadlines <> '[]'::jsonb
         -- The lines with a deadline on one of the window's days, from ix_funding_lines_deadline_dates (its expression
         -- and condition, as above): only their deadlines are unpacked (a million lines, bench/README.md).
         AND funding_deadline_dates(f.reporting_deadlines) && ARRAY(SELECT generate_series($1::date, $1::date + $3::int, interval '1 day')::date)
         AND i.status NOT IN ('completed', 'integrated', 'discontinued')
         AND d.due BETWEEN $1::date AND $1::date + $3::int`;
    return applyFindings(em, this.name, asOf, {
      sql,
      params: [asOf, JSON.stringify(DEADLINE_LABELS), REPORT_DUE_WITHIN_DAYS, REPORT_DUE_WARNING_DAYS],
    });
  }
}
