import type { Notices } from '#notifications';
import { SEVERITY_LABELS } from './alert-labels.js';

/** Alerts listed per section; the rest are counted, and found in Samla. */
export const DIGEST_SECTION_LIMIT = 100;

const SECTIONS = [
  [1, 'Nya larm de senaste sju dagarna'],
  [2, 'Larm som har eskalerats de senaste sju dagarna'],
  [3, 'Olösta kritiska larm'],
] as const;

/**
 * The leadership group's weekly digest as of `asOf`, one mail per address under `digest:<ISO week>:<recipient>`
 * (so a replayed or repeated digest for the same week sends nothing new). It lists the alerts still open or
 * acknowledged that were first raised in the seven days ending with asOf (Stockholm days), those escalated in them
 * (raised earlier), and every critical one. Each section is ordered critical first, then by date; it says "Inga."
 * when empty, and the mail goes out even then, so the group knows the watch is running.
 */
export function weeklyDigestNotices(asOf: string, timeZone: string, leadershipEmails: string[]): Notices {
  const sql = `
    WITH bounds AS (
      SELECT ($1::date - 6)::timestamp AT TIME ZONE $2 AS since, ($1::date + 1)::timestamp AT TIME ZONE $2 AS until
    ),
    listed AS (
      SELECT s.section, a.severity, a.title, i.title AS initiative_title, i.code,
             row_number() OVER (PARTITION BY s.section ORDER BY array_position(ARRAY['critical', 'warning', 'info'], a.severity::text), a.due_date NULLS LAST, a.title, a.id) AS n,
             count(*) OVER (PARTITION BY s.section) AS total
        FROM alerts a
        CROSS JOIN bounds b
        LEFT JOIN initiatives i ON i.id = a.initiative_id
        CROSS JOIN LATERAL (
          SELECT 1 AS section WHERE a.first_raised_at >= b.since
          UNION ALL SELECT 2 WHERE a.escalated_at >= b.since AND a.escalated_at < b.until AND a.first_raised_at < b.since
          UNION ALL SELECT 3 WHERE a.severity = 'critical'
        ) s
       WHERE a.status IN ('open', 'acknowledged') AND a.first_raised_at < b.until
    ),
    sections AS (
      SELECT h.section,
             h.heading || ' (' || coalesce(max(l.total), 0) || ')' || E'\\n' ||
             coalesce(string_agg('- ' || ($4::jsonb ->> l.severity) || ': ' || l.title || coalesce(' – ' || l.initiative_title || ' (' || l.code || ')', ''), E'\\n' ORDER BY l.n)
                        FILTER (WHERE l.n <= $5), 'Inga.') ||
             CASE WHEN max(l.total) > $5 THEN E'\\n- … och ' || (max(l.total) - $5) || ' till, se larmen i Samla.' ELSE '' END AS text
        FROM jsonb_to_recordset($6::jsonb) AS h(section int, heading text)
        LEFT JOIN listed l ON l.section = h.section
       GROUP BY h.section, h.heading
    ),
    digest AS (
      SELECT string_agg(text, E'\\n\\n' ORDER BY section) AS sections FROM sections
    )
    SELECT 'digest:' || to_char($1::date, 'IYYY-"W"IW') || ':' || r.email AS notice_key,
           NULL::uuid AS alert_id,
           r.email AS recipient,
           '[Samla] Veckans larm, vecka ' || to_char($1::date, 'FMIW') || ' ' || to_char($1::date, 'IYYY') AS subject,
           concat_ws(E'\\n',
             'Hej!', '',
             'Här är veckans sammanfattning av larmen i Samla, till och med ' || to_char($1::date, 'YYYY-MM-DD') || '.', '',
             d.sections, '',
             'Du får det här meddelandet eftersom du ingår i ledningsgruppen.',
             'Det här meddelandet skickades automatiskt av Samla.'
           ) AS body
      FROM digest d
      CROSS JOIN (SELECT DISTINCT lower(btrim(address)) AS email FROM unnest($3::text[]) AS l(address)) r
     WHERE r.email <> ''`;
  return {
    sql,
    params: [
      asOf,
      timeZone,
      leadershipEmails,
      JSON.stringify(SEVERITY_LABELS),
      DIGEST_SECTION_LIMIT,
      JSON.stringify(SECTIONS.map(([section, heading]) => ({ section, heading }))),
    ],
  };
}
