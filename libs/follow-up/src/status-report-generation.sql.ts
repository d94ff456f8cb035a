import { statement } from '#common';

/**
 * A pending report for every initiative in round `$1`'s scope (its statuses, and its lead departments when it names
 * them) that has none yet. Answers how many it created.
 */
export const CREATE_ROUND_REPORTS_SQL = statement<{ created: number }>(
  `WITH inserted AS (
     INSERT INTO status_reports (round_id, initiative_id, department_id)
     SELECT r.id, i.id, i.lead_department_id
       FROM reporting_rounds r
       JOIN initiatives i ON i.status = ANY(r.scope_statuses)
      WHERE r.id = $1
        AND (r.scope_department_ids IS NULL OR i.lead_department_id = ANY(r.scope_department_ids))
     ON CONFLICT (round_id, initiative_id) DO NOTHING
     RETURNING 1
   )
   SELECT count(*)::int AS created FROM inserted`,
);
