import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertScan, ScanCounts } from './alert-scan.js';
import { applyFindings } from './apply-findings.js';

/**
 * An approved or active initiative without a follow-up plan. The lifecycle guard lets no initiative reach `approved`
 * without one and a PATCH may not remove it while the status needs it, so this is the backstop for plans lost another
 * way: data from before the guard, an import, a hand edit in the database. A warning while the
 * initiative is approved, critical once it is active: then it is spending money that nobody has planned to follow
 * up. One alert per initiative, for its lead department; adding a plan or ending the initiative resolves it.
 */
@Injectable()
export class FollowUpPlanMissingScan implements AlertScan {
  readonly name = 'follow_up_plan_missing' as const;

  run(em: EntityManager, asOf: string): Promise<ScanCounts> {
    const sql = `
      SELECT 'follow_up_plan_missing:' || i.id AS dedupe_key,
             CASE i.status WHEN 'active' THEN 'critical' ELSE 'warning' END AS severity,
             i.id AS initiative_id,
             NULL::uuid AS funding_id,
             i.lead_department_id AS department_id,
             left('Uppföljningsplan saknas för ' || i.title, 300) AS title,
             i.title || ' (' || i.code || ') är ' || CASE i.status WHEN 'active' THEN 'pågående' ELSE 'beslutad' END ||
               ' men saknar uppföljningsplan. Lägg till en plan som anger metod, frekvens, ansvarig och vilka indikatorer ' ||
               'som ska följas, så att det går att visa om insatsen ger effekt.' AS detail,
             NULL::date AS due_date,
             NULL::bigint AS amount_sek
        FROM initiatives i
       WHERE i.status IN ('approved', 'active')
         -- A JSON null is as much "no plan" as an SQL NULL.
         AND (i.follow_up_plan IS NULL OR jsonb_typeof(i.follow_up_plan) = 'null')`;
    return applyFindings(em, this.name, asOf, { sql, params: [] });
  }
}
