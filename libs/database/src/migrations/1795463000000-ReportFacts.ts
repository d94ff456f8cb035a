import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: `initiative_facts` also keeps each initiative's reports in its two latest reporting rounds (by due date,
 * then the later created round, then id: reportOnTimeSql's order), so the summary's follow-up and readiness's
 * reportedOnTime read them from the facts instead of ranking every status report of the portfolio on every request.
 *
 * Which round is "the latest due by today" depends on the day, so the facts keep two: a round's reports are created
 * when the round opens, before it is due, and then the latest is not due yet but the one before it is. Only when both
 * are still to come (two rounds open at once) does a read rank that initiative's reports as before. Per slot the due
 * date and, when the report is submitted or approved, when it was submitted: on time or not is a comparison in the
 * API's time zone at read time.
 *
 * `initiative_report_facts_of(ids)` computes them from scratch; `initiative_facts_refresh` now writes them with the
 * other facts, and triggers on `status_reports` (a change of round, initiative, status or submission time) and
 * `reporting_rounds` (a change of due date or creation time) refresh the initiatives they touch, through the
 * InitiativeFacts migration's `initiative_facts_touched`. A round is created without reports and cannot be deleted
 * while it has any.
 */
export class ReportFacts1795463000000 implements MigrationInterface {
  name = 'ReportFacts1795463000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "initiative_facts"
        ADD "latest_report_due" date, ADD "latest_report_submitted_at" timestamp with time zone,
        ADD "previous_report_due" date, ADD "previous_report_submitted_at" timestamp with time zone`);
    const slot = (offset: number) => `LEFT JOIN LATERAL (
          SELECT rr.due_date, CASE WHEN sr.status IN ('submitted', 'approved') THEN sr.submitted_at END AS submitted_at
            FROM status_reports sr JOIN reporting_rounds rr ON rr.id = sr.round_id
           WHERE sr.initiative_id = i.id
           ORDER BY rr.due_date DESC, rr.created_at DESC, rr.id LIMIT 1 OFFSET ${offset}
        ) AS s${offset} ON true`;
    await queryRunner.query(`
      CREATE FUNCTION initiative_report_facts_of(ids uuid[])
      RETURNS TABLE (initiative_id uuid, latest_report_due date, latest_report_submitted_at timestamp with time zone,
                     previous_report_due date, previous_report_submitted_at timestamp with time zone)
      LANGUAGE sql STABLE AS $$
        SELECT i.id, s0.due_date, s0.submitted_at, s1.due_date, s1.submitted_at
          FROM unnest(ids) AS i(id)
        ${slot(0)}
        ${slot(1)}
      $$`);
    await replaceRefresh(queryRunner, true);
    for (const [table, insert, update, remove] of TOUCHED) {
      const trigger = (event: string, referencing: string, query: string) =>
        queryRunner.query(
          `CREATE TRIGGER "tr_${table}_initiative_facts_${event.toLowerCase()}" AFTER ${event} ON "${table}"
             REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION initiative_facts_touched('${query.replace(/'/g, "''")}')`,
        );
      if (insert) await trigger('INSERT', 'NEW TABLE AS new_rows', insert);
      if (update) await trigger('UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows', update);
      if (remove) await trigger('DELETE', 'OLD TABLE AS old_rows', remove);
    }
    await queryRunner.query(`
      UPDATE initiative_facts f
         SET latest_report_due = x.latest_report_due, latest_report_submitted_at = x.latest_report_submitted_at,
             previous_report_due = x.previous_report_due, previous_report_submitted_at = x.previous_report_submitted_at
        FROM initiative_report_facts_of(ARRAY(SELECT DISTINCT initiative_id FROM status_reports)) x
       WHERE x.initiative_id = f.initiative_id`);
    // Unfiltered, the summary and readiness read the followed initiatives' facts from this index alone.
    await queryRunner.query(`DROP INDEX "ix_initiative_facts_followed"`);
    await queryRunner.query(
      `CREATE INDEX "ix_initiative_facts_followed" ON "initiative_facts" ("initiative_id") INCLUDE (${FOLLOWED_INCLUDES}) WHERE status IN ('approved', 'active')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_initiative_facts_followed"`);
    await queryRunner.query(
      `CREATE INDEX "ix_initiative_facts_followed" ON "initiative_facts" ("initiative_id") WHERE status IN ('approved', 'active')`,
    );
    for (const [table, insert, update, remove] of TOUCHED) {
      for (const [event, query] of [
        ['insert', insert],
        ['update', update],
        ['delete', remove],
      ]) {
        if (query) await queryRunner.query(`DROP TRIGGER "tr_${table}_initiative_facts_${event}" ON "${table}"`);
      }
    }
    await replaceRefresh(queryRunner, false);
    await queryRunner.query(`DROP FUNCTION initiative_report_facts_of(uuid[])`);
    await queryRunner.query(`
      ALTER TABLE "initiative_facts" DROP "latest_report_due", DROP "latest_report_submitted_at",
        DROP "previous_report_due", DROP "previous_report_submitted_at"`);
  }
}

/** Every column the summary's and readiness's scope reads of a followed initiative, so neither visits the heap. */
const FOLLOWED_INCLUDES = [
  'status',
  'code',
  'lead_department_id',
  'area_ids',
  'has_process_owner',
  'has_plan',
  'co_owner_responsibilities',
  'goal_link',
  'effect_logic',
  'coverage_decision',
  'latest_report_due',
  'latest_report_submitted_at',
  'previous_report_due',
  'previous_report_submitted_at',
]
  .map((column) => `"${column}"`)
  .join(', ');

/**
 * `initiative_facts_refresh` with (`reports`) or without the report slots (otherwise as ReadinessFacts1795460000000
 * defines it): the rows to write are the facts joined with the report facts, so a refresh that changes nothing still
 * writes nothing.
 */
async function replaceRefresh(queryRunner: QueryRunner, reports: boolean): Promise<void> {
  const rows = reports
    ? `SELECT o.*, r.latest_report_due, r.latest_report_submitted_at, r.previous_report_due, r.previous_report_submitted_at
             FROM initiative_facts_of(ids) o JOIN initiative_report_facts_of(ids) r ON r.initiative_id = o.initiative_id`
    : 'SELECT * FROM initiative_facts_of(ids)';
  const slots = reports
    ? `, latest_report_due = EXCLUDED.latest_report_due,
              latest_report_submitted_at = EXCLUDED.latest_report_submitted_at,
              previous_report_due = EXCLUDED.previous_report_due,
              previous_report_submitted_at = EXCLUDED.previous_report_submitted_at`
    : '';
  await queryRunner.query(`
      CREATE OR REPLACE FUNCTION initiative_facts_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        SELECT 1 FROM initiative_facts WHERE initiative_id = ANY(ids) ORDER BY initiative_id FOR UPDATE;
        INSERT INTO initiative_facts AS f ${rows}
        ON CONFLICT (initiative_id) DO UPDATE
          SET area_ids = EXCLUDED.area_ids, co_owner_responsibilities = EXCLUDED.co_owner_responsibilities,
              goal_link = EXCLUDED.goal_link, effect_logic = EXCLUDED.effect_logic,
              coverage_decision = EXCLUDED.coverage_decision, status = EXCLUDED.status,
              lead_department_id = EXCLUDED.lead_department_id, annual_cost_sek = EXCLUDED.annual_cost_sek,
              has_plan = EXCLUDED.has_plan, target_group_ids = EXCLUDED.target_group_ids,
              district_ids = EXCLUDED.district_ids, code = EXCLUDED.code,
              has_process_owner = EXCLUDED.has_process_owner${slots}
          WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*);
      $$`);
}

/** A report changed what the facts keep of it: its round, initiative, status or submission time. */
const reportChanged = (rows: string) => `SELECT ${rows}.initiative_id FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE (n.round_id, n.initiative_id, n.status, n.submitted_at) IS DISTINCT FROM (o.round_id, o.initiative_id, o.status, o.submitted_at)`;
/** A round's order changed: the initiatives with a report in it. */
const roundMoved = `SELECT sr.initiative_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN status_reports sr ON sr.round_id = n.id
  WHERE (n.due_date, n.created_at) IS DISTINCT FROM (o.due_date, o.created_at)`;

/** As in InitiativeFacts1795456000000: per table, the initiatives its INSERT, UPDATE and DELETE touched. */
const TOUCHED: [table: string, insert: string | null, update: string | null, remove: string | null][] = [
  [
    'status_reports',
    'SELECT initiative_id FROM new_rows',
    `${reportChanged('n')} UNION ALL ${reportChanged('o')}`,
    'SELECT initiative_id FROM old_rows',
  ],
  ['reporting_rounds', null, roundMoved, null],
];
