import type { Notices } from '#notifications';

/** Days before the due date at which those who have not submitted are reminded. */
export const REMINDER_DAYS = [14, 3] as const;

/**
 * Reminders (design: Reporting round) as notices, as of `$1`: for each report not yet submitted (pending, or returned
 * for completion) in a round due within 14 days, the lead department's head and the initiative's process owner are
 * reminded once at 14 days and once at 3 days. The stage is the nearest threshold not yet passed, so a day the job
 * did not run is caught up the next day, and a round created 2 days before its due date sends only the 3-day
 * reminder. The key `round-reminder:<report id>:<days>:<recipient>` makes each one a single mail; someone who is
 * both head and owner gets one.
 */
export function roundReminders(asOf: string): Notices {
  const [first, last] = REMINDER_DAYS;
  const sql = `
    SELECT DISTINCT ON (s.id, r.email)
           r.notice_key,
           NULL::uuid AS alert_id,
           r.email AS recipient,
           '[Samla] Påminnelse: statusrapport för ' || i.title || ' ska lämnas senast ' || to_char(rr.due_date, 'YYYY-MM-DD') AS subject,
           concat_ws(E'\\n',
             'Hej!', '',
             format('Statusrapporten för insatsen %s (%s) i uppföljningsomgången "%s" (period %s) är inte inlämnad.', i.title, i.code, rr.title, rr.period),
             'Sista dag att lämna den är ' || to_char(rr.due_date, 'YYYY-MM-DD') ||
               CASE due.days WHEN 0 THEN ', i dag.' WHEN 1 THEN ', i morgon.' ELSE ', om ' || due.days || ' dagar.' END, '',
             CASE s.status
               WHEN 'returned' THEN 'Ledningsgruppen har skickat tillbaka rapporten för komplettering: ' || coalesce(s.return_comment, '')
               ELSE 'Rapporten är ännu inte inskickad.'
             END, '',
             'Ledande förvaltning: ' || coalesce(d.name, 'ingen angiven'),
             'Fyll i RAG-status (grön, gul eller röd), läget i insatsen, risker och kostnader hittills, och skicka in rapporten i Samla.', '',
             CASE r.reason
               WHEN 'process_owner' THEN format('Du får det här meddelandet eftersom du är processägare för insatsen %s.', i.code)
               ELSE format('Du får det här meddelandet eftersom du är chef för den förvaltning som leder insatsen %s.', i.code)
             END,
             'Det här meddelandet skickades automatiskt av Samla.'
           ) AS body
      FROM status_reports s
      JOIN reporting_rounds rr ON rr.id = s.round_id
      JOIN initiatives i ON i.id = s.initiative_id
      LEFT JOIN departments d ON d.id = s.department_id
      CROSS JOIN LATERAL (SELECT rr.due_date - $1::date AS days) due
      CROSS JOIN LATERAL (SELECT CASE WHEN due.days <= $3::int THEN $3::int ELSE $2::int END AS days) stage
      CROSS JOIN LATERAL (
        SELECT 1 AS rank, 'process_owner' AS reason, i.process_owner ->> 'email' AS address
        UNION ALL SELECT 2, 'department_head', d.head_email
      ) named
      CROSS JOIN LATERAL (SELECT lower(btrim(named.address)) AS email, named.reason) addressed
      CROSS JOIN LATERAL (SELECT addressed.*, 'round-reminder:' || s.id || ':' || stage.days || ':' || addressed.email AS notice_key) r
     WHERE s.status IN ('pending', 'returned')
       AND due.days BETWEEN 0 AND $2::int
       AND r.email <> ''
       -- Most reminders exist from an earlier day: skip them before their text is built (the unique key still decides).
       AND NOT EXISTS (SELECT 1 FROM notifications x WHERE x.notice_key = r.notice_key)
     ORDER BY s.id, r.email, named.rank`;
  return { sql, params: [asOf, first, last] };
}
