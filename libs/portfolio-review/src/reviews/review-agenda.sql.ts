import { sqlList, statement } from '#common';
import { ENDED_STATUSES } from '#portfolio';
import type { AgendaInitiativeDto, AgendaReasonDto } from './dto/review-agenda.dto.js';

/** Until the next scan resolves them, an ended initiative's alerts are no longer the group's business. */
export const CRITICAL_ALERTS_SQL = statement<NonNullable<AgendaReasonDto['alert']> & { initiativeId: string }>(`
  SELECT a.id, a.initiative_id AS "initiativeId", a.kind, a.title, a.detail, to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate",
         a.amount_sek::float8 AS "amountSek"
    FROM alerts a
    JOIN initiatives i ON i.id = a.initiative_id
   WHERE a.severity = 'critical' AND a.status IN ('open', 'acknowledged') AND i.status NOT IN (${sqlList(ENDED_STATUSES)})
   ORDER BY a.due_date NULLS LAST, a.id`);

/** Reports sent back, and reports still pending after their round's due date (as of the meeting, or today if sooner). */
export const REPORTS_SQL = statement<NonNullable<AgendaReasonDto['statusReport']> & { initiativeId: string }>(`
  SELECT s.id, s.initiative_id AS "initiativeId", s.status, r.title AS "roundTitle", to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate"
    FROM status_reports s
    JOIN reporting_rounds r ON r.id = s.round_id
    JOIN initiatives i ON i.id = s.initiative_id
   WHERE i.status NOT IN (${sqlList(ENDED_STATUSES)})
     AND (s.status = 'returned' OR (s.status = 'pending' AND r.due_date < least($1::date, $2::date)))
   ORDER BY r.due_date, s.id`);

/** The agenda's initiatives `$1`, each with its lead department. */
export const AGENDA_INITIATIVES_SQL = statement<AgendaInitiativeDto>(`
  SELECT i.id, i.code, i.title, i.status, i.annual_cost_sek::float8 AS "annualCostSek",
         to_char(i.start_date, 'YYYY-MM-DD') AS "startDate", to_char(i.end_date, 'YYYY-MM-DD') AS "endDate",
         CASE WHEN d.id IS NULL THEN NULL ELSE jsonb_build_object('id', d.id, 'code', d.code, 'name', d.name) END AS "leadDepartment"
    FROM initiatives i
    LEFT JOIN departments d ON d.id = i.lead_department_id
   WHERE i.id = ANY($1::uuid[])`);
