import { statement } from '#common';
import type { RoundCompletionDto } from './dto/reporting-round.dto.js';

/** Which of the ids `$1` are departments (a read of reference data's table, docs/adr/0003-cross-context-reads.md). */
export const KNOWN_DEPARTMENTS_SQL = statement<{ id: string }>(`SELECT id FROM departments WHERE id = ANY($1::uuid[])`);

/**
 * Round `$1`'s reports per lead department, then the totals (`grouping` 1): submitted (approved included), approved,
 * pending (returned included) and overdue (pending after the due date, as of `$2`).
 */
export const ROUND_COMPLETION_SQL = statement<RoundCompletionDto['departments'][number] & { grouping: number }>(
  `SELECT s.department_id AS "departmentId",
          d.name AS "departmentName",
          GROUPING(s.department_id, d.name) AS grouping,
          count(*)::int AS total,
          count(*) FILTER (WHERE s.status IN ('submitted', 'approved'))::int AS submitted,
          count(*) FILTER (WHERE s.status = 'approved')::int AS approved,
          count(*) FILTER (WHERE s.status IN ('pending', 'returned'))::int AS pending,
          count(*) FILTER (WHERE s.status IN ('pending', 'returned') AND r.due_date < $2::date)::int AS overdue
     FROM status_reports s
     JOIN reporting_rounds r ON r.id = s.round_id
     LEFT JOIN departments d ON d.id = s.department_id
    WHERE s.round_id = $1
    GROUP BY GROUPING SETS ((s.department_id, d.name), ())
    ORDER BY grouping, overdue DESC, pending DESC, d.name NULLS LAST, s.department_id`,
);
