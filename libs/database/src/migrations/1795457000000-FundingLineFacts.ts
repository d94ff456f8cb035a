import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the "taken over" rule kept per funding line instead of computed on every read. What other money takes
 * over of a line depends only on the lines of its initiative, never on the day, so `funding_line_facts` holds each
 * line's share and the kronor nothing takes over, kept current by statement triggers on `funding_lines` in the writing
 * transaction. The rule itself lives here once, in SQL: the view `funding_line_facts_computed` computes the facts
 * from scratch; the backfill, the triggers and the tests (maintained = from scratch) all use it, and #funding-rules'
 * takenOverJoinSql reads the table. `funding_monthly_share` is what a line pays a month (#funding-rules'
 * monthlyShareSql). No entity: nothing writes the table but the triggers.
 */
export class FundingLineFacts1795457000000 implements MigrationInterface {
  name = 'FundingLineFacts1795457000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A line's amount spread evenly over the calendar months its period touches (1 Jan–30 Jun is six, 15 Jan–14 Feb
    // two). An inlinable SQL function: the planner substitutes the expression, so calling it costs nothing extra.
    await queryRunner.query(`
      CREATE FUNCTION funding_monthly_share(amount_sek bigint, period_start date, period_end date) RETURNS numeric
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT amount_sek::numeric / ((date_part('year', period_end) - date_part('year', period_start)) * 12
                                      + date_part('month', period_end) - date_part('month', period_start) + 1)::numeric
      $$`);
    // The rule, as documented at #funding-rules' takenOverJoinSql: an explicit successor (anything but rejected)
    // starting by the day after the end takes over all of it; otherwise granted lines of the initiative starting in
    // its last month or the day after and running on take over what they pay a month, drawn in turn by the lines
    // ending that month (ordinary budget first, then by end date and id).
    await queryRunner.query(`
      CREATE VIEW funding_line_facts_computed AS${FACTS_VIEW_SQL}`);
    await queryRunner.query(`
      CREATE TABLE "funding_line_facts" (
        "funding_id" uuid NOT NULL,
        "initiative_id" uuid NOT NULL,
        "share" numeric NOT NULL,
        "not_taken_over_sek" bigint NOT NULL,
        CONSTRAINT "pk_funding_line_facts" PRIMARY KEY ("funding_id"),
        CONSTRAINT "fk_funding_line_facts_funding" FOREIGN KEY ("funding_id") REFERENCES "funding_lines"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_funding_line_facts_initiative_id" ON "funding_line_facts" ("initiative_id")`,
    );
    // Recomputes the facts of every initiative whose lines the statement changed (and of lines naming a changed line
    // as successor: the API keeps successors within the initiative, the rule does not need to). A transaction-scoped
    // advisory lock per initiative, taken in order, makes concurrent writers to one initiative's lines recompute one
    // after the other, each statement below then seeing the other's committed lines (READ COMMITTED); without it two
    // first lines of one initiative, inserted side by side, would each be computed without the other. The initiatives
    // share 1,024 locks by hash, so a bulk insert (the benchmark's 60,000 lines) holds at most 1,024, not one per
    // initiative (advisory locks fill the shared lock table); two initiatives of one bucket merely wait for each other.
    await queryRunner.query(`CREATE ${refreshFunctionSql(FACT_COLUMNS, RULE_COLUMNS)}`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_funding_lines_facts_insert" AFTER INSERT ON "funding_lines"
        REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION funding_line_facts_refresh()`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_funding_lines_facts_update" AFTER UPDATE ON "funding_lines"
        REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION funding_line_facts_refresh()`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_funding_lines_facts_delete" AFTER DELETE ON "funding_lines"
        REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION funding_line_facts_refresh()`);
    await queryRunner.query(`
      INSERT INTO funding_line_facts (${FACT_COLUMNS.join(', ')})
      SELECT * FROM funding_line_facts_computed`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete'])
      await queryRunner.query(`DROP TRIGGER "tr_funding_lines_facts_${op}" ON "funding_lines"`);
    await queryRunner.query(`DROP FUNCTION funding_line_facts_refresh()`);
    await queryRunner.query(`DROP TABLE "funding_line_facts"`);
    await queryRunner.query(`DROP VIEW funding_line_facts_computed`);
    await queryRunner.query(`DROP FUNCTION funding_monthly_share(bigint, date, date)`);
  }
}

/**
 * The rule's share of funding line `f` that other money takes over (0..1), as a subquery for a LATERAL join; the view
 * funding_line_facts_computed reads it (here, and as FundingLineCliffFacts1795464000000 extends the view).
 */
export const TAKEN_OVER_SHARE_SQL = `            SELECT (CASE
                WHEN EXISTS (SELECT 1 FROM funding_lines s
                              WHERE s.id = f.successor_funding_id AND s.status <> 'rejected' AND s.period_start <= f.period_end + 1) THEN 1
                WHEN f.amount_sek = 0 THEN 0
                ELSE LEAST(1, GREATEST(0, (
                  SELECT COALESCE(sum(funding_monthly_share(o.amount_sek, o.period_start, o.period_end)) FILTER (
                           WHERE o.period_start BETWEEN date_trunc('month', f.period_end)::date AND f.period_end + 1 AND o.period_end > f.period_end), 0)
                       - COALESCE(sum(funding_monthly_share(o.amount_sek, o.period_start, o.period_end)) FILTER (
                           WHERE o.id <> f.id AND date_trunc('month', o.period_end) = date_trunc('month', f.period_end)
                             AND (o.source_type <> 'ordinary_budget', o.period_end, o.id) < (f.source_type <> 'ordinary_budget', f.period_end, f.id)), 0)
                    FROM funding_lines o
                   WHERE o.initiative_id = f.initiative_id AND o.status IN ('granted', 'ended')
                )) / funding_monthly_share(f.amount_sek, f.period_start, f.period_end))
              END)::numeric AS share`;

/** The view funding_line_facts_computed as this migration defines it (after `AS`). */
export const FACTS_VIEW_SQL = `
        SELECT f.id AS funding_id, f.initiative_id, x.share, round(f.amount_sek * (1 - x.share))::bigint AS not_taken_over_sek
          FROM funding_lines f
          CROSS JOIN LATERAL (
${TAKEN_OVER_SHARE_SQL}
          ) x`;

/** The facts' columns, in the view's order, as this migration defines them. */
export const FACT_COLUMNS = ['funding_id', 'initiative_id', 'share', 'not_taken_over_sek'];
/** What the rule reads of a line: an update that changes none of these leaves the facts as they are. */
export const RULE_COLUMNS = [
  'initiative_id',
  'amount_sek',
  'period_start',
  'period_end',
  'status',
  'source_type',
  'successor_funding_id',
];

/**
 * `FUNCTION funding_line_facts_refresh()` (after CREATE or CREATE OR REPLACE): the trigger function writing
 * `columns` of funding_line_facts from the view for the initiatives whose lines a statement inserted, deleted or
 * updated in one of the `watched` columns (what the facts read of a line: a new funder or version leaves them as they
 * are).
 */
export function refreshFunctionSql(columns: string[], watched: string[]): string {
  return `FUNCTION funding_line_facts_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed uuid[];
        affected uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(n.id), array_agg(DISTINCT n.initiative_id) INTO changed, affected FROM new_lines n;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(o.id), array_agg(DISTINCT o.initiative_id) INTO changed, affected FROM old_lines o;
        ELSE
          SELECT array_agg(DISTINCT o.id), array_agg(DISTINCT x.initiative_id) INTO changed, affected
            FROM old_lines o JOIN new_lines n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (o.initiative_id), (n.initiative_id)) x (initiative_id)
           WHERE (${watched.map((column) => `o.${column}`).join(', ')})
                 IS DISTINCT FROM (${watched.map((column) => `n.${column}`).join(', ')});
        END IF;
        IF changed IS NULL THEN
          RETURN NULL;
        END IF;
        SELECT array_agg(DISTINCT a ORDER BY a) INTO affected
          FROM (SELECT unnest(affected) UNION ALL SELECT p.initiative_id FROM funding_lines p WHERE p.successor_funding_id = ANY (changed)) u (a);
        PERFORM pg_advisory_xact_lock(1795457000, b) FROM (SELECT DISTINCT hashtext(a::text) & 1023 AS b FROM unnest(affected) a) l ORDER BY b;
        DELETE FROM funding_line_facts WHERE initiative_id = ANY (affected);
        INSERT INTO funding_line_facts (${columns.join(', ')})
        SELECT * FROM funding_line_facts_computed c WHERE c.initiative_id = ANY (affected);
        RETURN NULL;
      END $$`;
}
