import type { Notices } from '#notifications';
import { ALERT_SEVERITIES } from '../alert.entity.js';
import { SEVERITY_LABELS } from './alert-labels.js';

/** Alerts written out in one person's mail; the rest are counted, and found in Samla. */
export const ALERTS_LISTED_PER_NOTICE = 100;

/**
 * The alert ladder (design: Alert) as one mail per recipient and scan run. Every open alert (not acknowledged, not
 * dismissed, not resolved), at its current severity, is for
 * - `info`: the initiative's process owner;
 * - `warning`: also the head of the lead department;
 * - `critical`: also every address of the leadership group.
 * Someone named twice (owner and head) is counted once, under the closest reason; recipients without an address are
 * skipped. Of those alerts each person's mail lists what is new to them: an alert they have not heard of, or one that
 * has climbed above every level they heard it at (alert_notices; an alert that fell and climbed back stays quiet).
 *
 * The mail's key is `alerts:<run id>:<recipient>`, and the same statement records in alert_notices what it lists
 * (the `told` CTE; its key is what makes two runs at once tell nobody twice). A run retried after its mails were
 * recorded finds its keys taken: what is new to those recipients is left for the next run rather than marked told
 * without a mail, and the same scan run again finds nothing new and writes nothing.
 */
export function alertNotices(runId: string, leadershipEmails: string[], timeZone: string): Notices {
  const label = (severity: string) => `($3::jsonb ->> ${severity})`;
  const rank = (severity: string) => `array_position($5::text[], ${severity}::text)`;
  const ctes = `
    addressed AS (
      SELECT a.id AS alert_id, a.severity, named.rank, named.reason, lower(btrim(named.address)) AS email
        FROM alerts a
        LEFT JOIN initiatives i ON i.id = a.initiative_id
        LEFT JOIN departments d ON d.id = a.department_id
        CROSS JOIN LATERAL (
          SELECT 1 AS rank, 'process_owner' AS reason, i.process_owner ->> 'email' AS address
          UNION ALL SELECT 2, 'department_head', d.head_email WHERE a.severity IN ('warning', 'critical')
          UNION ALL SELECT 3, 'leadership', l.address FROM unnest($2::text[]) AS l(address) WHERE a.severity = 'critical'
        ) named
       WHERE a.status = 'open'
    ),
    due AS (
      SELECT DISTINCT ON (x.alert_id, x.email) x.*, 'alerts:' || $1 || ':' || x.email AS notice_key,
             EXISTS (SELECT 1 FROM alert_notices h WHERE h.alert_id = x.alert_id AND h.recipient = x.email) AS heard_before
        FROM addressed x
       WHERE x.email <> ''
         AND NOT EXISTS (SELECT 1 FROM alert_notices h
                          WHERE h.alert_id = x.alert_id AND h.recipient = x.email AND ${rank('h.severity')} >= ${rank('x.severity')})
         AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.notice_key = 'alerts:' || $1 || ':' || x.email)
       ORDER BY x.alert_id, x.email, x.rank
    ),
    told AS (
      INSERT INTO alert_notices (alert_id, recipient, severity, notice_key)
      SELECT alert_id, email, severity, notice_key FROM due ORDER BY alert_id, email
      ON CONFLICT DO NOTHING
      RETURNING alert_id, recipient
    ),
    listed AS (
      SELECT u.notice_key, u.email, a.severity,
             row_number() OVER w AS n, count(*) OVER (PARTITION BY u.email) AS total,
             count(*) FILTER (WHERE a.severity = 'critical') OVER (PARTITION BY u.email) AS critical,
             a.title AS alert_title,
             concat_ws(E'\\n',
               ${label('a.severity')} || CASE WHEN u.heard_before THEN ' (eskalerat)' ELSE '' END || ': ' || a.title, '',
               a.detail, '',
               format('Insats: %s (%s)', i.title, i.code),
               'Ledande förvaltning: ' || d.name,
               'Datum som larmet gäller: ' || to_char(a.due_date, 'YYYY-MM-DD'),
               'Först upptäckt: ' || to_char(a.first_raised_at AT TIME ZONE $4, 'YYYY-MM-DD'), '',
               CASE u.reason
                 WHEN 'process_owner' THEN format('Du får det här meddelandet eftersom du är processägare för insatsen %s och larmet har nivån %s.', i.code, lower(${label('a.severity')}))
                 WHEN 'department_head' THEN format('Du får det här meddelandet eftersom du är chef för den förvaltning som leder insatsen %s och larmet har nått nivån %s.', i.code, lower(${label('a.severity')}))
                 ELSE format('Du får det här meddelandet eftersom du ingår i ledningsgruppen och larmet för insatsen %s är kritiskt.', i.code)
               END
             ) AS block
        FROM due u
        JOIN told t ON t.alert_id = u.alert_id AND t.recipient = u.email
        JOIN alerts a ON a.id = u.alert_id
        LEFT JOIN initiatives i ON i.id = a.initiative_id
        LEFT JOIN departments d ON d.id = a.department_id
      WINDOW w AS (PARTITION BY u.email ORDER BY ${rank('a.severity')} DESC, a.due_date NULLS LAST, a.title, a.id)
    )`;
  const sql = `
    SELECT l.notice_key, NULL::uuid AS alert_id, l.email AS recipient,
           CASE WHEN max(l.total) = 1 THEN '[Samla] ' || ${label('min(l.severity)')} || ': ' || min(l.alert_title)
                ELSE '[Samla] ' || max(l.total) || ' nya eller eskalerade larm' || CASE WHEN max(l.critical) > 0 THEN ', varav ' || max(l.critical) || ' kritiska' ELSE '' END
           END AS subject,
           concat_ws(E'\\n',
             'Hej!', '',
             CASE WHEN max(l.total) > 1 THEN format('Samlas genomgång har hittat %s larm som är nya för dig eller har eskalerats sedan du fick höra om dem, de allvarligaste först.', max(l.total)) || E'\\n' END,
             string_agg(l.block, E'\\n\\n' ORDER BY l.n) FILTER (WHERE l.n <= $6), '',
             CASE WHEN max(l.total) > $6 THEN '… och ' || (max(l.total) - $6) || E' larm till, se larmen i Samla.\\n' END,
             CASE WHEN max(l.total) = 1 THEN 'Larmet finns bland larmen i Samla. Kvittera det när någon tar hand om det, eller avfärda det med en motivering.'
                  ELSE 'Larmen finns i Samla. Kvittera ett larm när någon tar hand om det, eller avfärda det med en motivering.' END,
             'Det här meddelandet skickades automatiskt av Samla.'
           ) AS body
      FROM listed l
     GROUP BY l.notice_key, l.email`;
  return {
    ctes,
    sql,
    params: [
      runId,
      leadershipEmails,
      JSON.stringify(SEVERITY_LABELS),
      timeZone,
      ALERT_SEVERITIES,
      ALERTS_LISTED_PER_NOTICE,
    ],
  };
}
