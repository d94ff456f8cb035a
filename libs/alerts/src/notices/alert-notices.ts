import type { Notices } from '#notifications';
import { SEVERITY_LABELS } from './alert-labels.js';

/**
 * The alert ladder (design: Alert) as notices: every open alert (not acknowledged, not dismissed, not resolved), at
 * its current severity, tells
 * - `info`: the initiative's process owner;
 * - `warning`: also the head of the lead department;
 * - `critical`: also every address of the leadership group.
 * The key is `alert:<alert id>:<severity>:<recipient>`, so each person hears of each level once: the same scan run
 * again plans nothing new, and an escalation plans the next level. Someone named twice (owner and head) gets one
 * mail, under the closest reason. Recipients without an address are skipped.
 */
export function alertNotices(leadershipEmails: string[], timeZone: string): Notices {
  const label = `($2::jsonb ->> a.severity)`;
  const sql = `
    SELECT DISTINCT ON (a.id, r.email)
           r.notice_key,
           a.id AS alert_id,
           r.email AS recipient,
           '[Samla] ' || ${label} || ': ' || a.title AS subject,
           concat_ws(E'\\n',
             'Hej!', '',
             ${label} || ': ' || a.title, '',
             a.detail, '',
             format('Insats: %s (%s)', i.title, i.code),
             'Ledande förvaltning: ' || d.name,
             'Datum som larmet gäller: ' || to_char(a.due_date, 'YYYY-MM-DD'),
             'Först upptäckt: ' || to_char(a.first_raised_at AT TIME ZONE $3, 'YYYY-MM-DD'), '',
             CASE r.reason
               WHEN 'process_owner' THEN format('Du får det här meddelandet eftersom du är processägare för insatsen %s och larmet har nivån %s.', i.code, lower(${label}))
               WHEN 'department_head' THEN format('Du får det här meddelandet eftersom du är chef för den förvaltning som leder insatsen %s och larmet har nått nivån %s.', i.code, lower(${label}))
               ELSE format('Du får det här meddelandet eftersom du ingår i ledningsgruppen och larmet för insatsen %s är kritiskt.', i.code)
             END, '',
             'Larmet finns bland larmen i Samla. Kvittera det när någon tar hand om det, eller avfärda det med en motivering.',
             'Det här meddelandet skickades automatiskt av Samla.'
           ) AS body
      FROM alerts a
      LEFT JOIN initiatives i ON i.id = a.initiative_id
      LEFT JOIN departments d ON d.id = a.department_id
      CROSS JOIN LATERAL (
        SELECT 1 AS rank, 'process_owner' AS reason, i.process_owner ->> 'email' AS address
        UNION ALL SELECT 2, 'department_head', d.head_email WHERE a.severity IN ('warning', 'critical')
        UNION ALL SELECT 3, 'leadership', l.address FROM unnest($1::text[]) AS l(address) WHERE a.severity = 'critical'
      ) named
      CROSS JOIN LATERAL (SELECT lower(btrim(named.address)) AS email, named.reason) addressed
      CROSS JOIN LATERAL (SELECT addressed.*, 'alert:' || a.id || ':' || a.severity || ':' || addressed.email AS notice_key) r
     WHERE a.status = 'open' AND r.email <> ''
       -- Most notices exist from an earlier run: skip them before their text is built (the unique key still decides).
       AND NOT EXISTS (SELECT 1 FROM notifications x WHERE x.notice_key = r.notice_key)
     ORDER BY a.id, r.email, named.rank`;
  return { sql, params: [leadershipEmails, JSON.stringify(SEVERITY_LABELS), timeZone] };
}
