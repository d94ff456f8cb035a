import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '#common';
import type { AlertScan, ScanCounts } from './alert-scan.js';
import { applyFindings } from './apply-findings.js';

/** Days an initiative may be active before its indicators must have a baseline (issue 5, follow-up plans). */
export const BASELINE_GRACE_DAYS = 90;

/**
 * An initiative active for more than 90 days whose indicators lack a baseline: without one, no change can be shown.
 * Its indicators are those its follow-up plan names and those linked to its own effect-logic nodes; an indicator
 * lacks a baseline when it has no value of kind `baseline` in any cell. Active since its latest move to `active`
 * (the day in TIME_ZONE), or since its start date when no move was recorded (registered as active, e.g. imported).
 * One warning per initiative, for its lead department, naming every indicator without a baseline; recording the
 * baselines, or the initiative ending, resolves it.
 */
@Injectable()
export class BaselineMissingScan implements AlertScan {
  readonly name = 'baseline_missing' as const;

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  run(em: EntityManager, asOf: string): Promise<ScanCounts> {
    const sql = `
      WITH active AS (
        SELECT i.id, i.code, i.title, i.lead_department_id, i.follow_up_plan,
               COALESCE((t.activated_at AT TIME ZONE $2)::date, i.start_date) AS since
          FROM initiatives i
          LEFT JOIN (SELECT initiative_id, max(created_at) AS activated_at FROM initiative_transitions
                      WHERE to_status = 'active' GROUP BY initiative_id) t ON t.initiative_id = i.id
         WHERE i.status = 'active'
      ),
      overdue AS (SELECT * FROM active WHERE $1::date - since > $3::int),
      measured AS (
        -- Compared as text: a hand-edited plan with a malformed id must not break the scan.
        SELECT o.id AS initiative_id, ind.id AS indicator_id
          FROM overdue o
          CROSS JOIN LATERAL jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(o.follow_up_plan -> 'indicatorIds') = 'array' THEN o.follow_up_plan -> 'indicatorIds' ELSE '[]'::jsonb END
          ) AS planned(id)
          JOIN indicators ind ON ind.id::text = planned.id
        UNION
        SELECT n.initiative_id, l.indicator_id
          FROM indicator_effect_nodes l
          JOIN effect_nodes n ON n.id = l.effect_node_id
          JOIN overdue o ON o.id = n.initiative_id
      ),
      missing AS (
        SELECT m.initiative_id, count(*) AS n, string_agg(ind.code || ' ' || ind.name, ', ' ORDER BY ind.code) AS names
          FROM measured m
          JOIN indicators ind ON ind.id = m.indicator_id
         WHERE NOT EXISTS (SELECT 1 FROM indicator_values v WHERE v.indicator_id = m.indicator_id AND v.kind = 'baseline')
         GROUP BY m.initiative_id
      )
      SELECT 'baseline_missing:' || o.id AS dedupe_key,
             'warning' AS severity,
             o.id AS initiative_id,
             NULL::uuid AS funding_id,
             o.lead_department_id AS department_id,
             left('Utgångsvärde saknas för indikatorer i ' || o.title, 300) AS title,
             o.title || ' (' || o.code || ') har varit pågående sedan ' || to_char(o.since, 'YYYY-MM-DD') || ' (' || ($1::date - o.since) ||
               ' dagar), men ' || CASE WHEN m.n = 1 THEN 'en indikator saknar' ELSE m.n || ' indikatorer saknar' END ||
               ' utgångsvärde: ' || m.names || '. Registrera ett utgångsvärde så att det går att visa om insatsen gör skillnad.' AS detail,
             NULL::date AS due_date,
             NULL::bigint AS amount_sek
        FROM overdue o
        JOIN missing m ON m.initiative_id = o.id`;
    return applyFindings(em, this.name, asOf, {
      sql,
      params: [asOf, this.config.get('TIME_ZONE', { infer: true }), BASELINE_GRACE_DAYS],
    });
  }
}
