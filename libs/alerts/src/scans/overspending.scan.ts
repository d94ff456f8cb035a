import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlList } from '#common';
import { financeForecastSql } from '#funding';
import { ENDED_STATUSES } from '#portfolio';
import type { AlertScan, ScanCounts } from './alert-scan.js';
import { applyFindings } from './apply-findings.js';

/**
 * An initiative whose actuals run ahead of its running granted funding and whose money, at the current rate, runs
 * out before the month the funding ends (the rule is financeForecastSql's, shared with GET /initiatives/{id}/finance):
 * a warning, one per initiative — funding is judged as the initiative's running lines together, because actuals on
 * the initiative's own code cannot be told apart by line. It resolves when more funding is granted, spending slows or
 * stops (the budget system sends lower or zero months), the funding period ends, or the initiative closes.
 * Reads budget_lines, funding_lines and initiatives by name (docs/adr/0003-cross-context-reads.md).
 */
@Injectable()
export class OverspendingScan implements AlertScan {
  readonly name = 'overspending' as const;

  run(em: EntityManager, asOf: string): Promise<ScanCounts> {
    const sql = `
      SELECT 'overspending:' || i.id AS dedupe_key,
             'warning' AS severity,
             i.id AS initiative_id,
             NULL::uuid AS funding_id,
             i.lead_department_id AS department_id,
             left('Pengarna tar slut före finansieringsperioden för ' || i.title, 300) AS title,
             i.title || ' (' || i.code || '): utfall ' || f.spent_sek || ' kr av beviljade ' || f.funding_sek || ' kr sedan ' ||
               to_char(f.funding_starts, 'YYYY-MM') || '. Med nuvarande takt (' || f.monthly_rate_sek || ' kr i månaden) tar pengarna slut ' ||
               to_char(f.runs_out_month, 'YYYY-MM') || ', men finansieringen löper till ' || to_char(f.funding_ends, 'YYYY-MM-DD') ||
               '. Minska takten eller sök mer finansiering.' AS detail,
             f.runs_out_month AS due_date,
             f.remaining_sek::bigint AS amount_sek
        FROM (${financeForecastSql(`i.status NOT IN (${sqlList(ENDED_STATUSES)})`)}) f
        JOIN initiatives i ON i.id = f.initiative_id
       WHERE f.overspending`;
    return applyFindings(em, this.name, asOf, { sql, params: [asOf] });
  }
}
