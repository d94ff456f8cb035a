import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unfiltered portfolio summary's counts per group, kept in the writing transaction (issue 17,
 * docs/adr/0007-portfolio-rollups.md): how many initiatives, and their annual cost, in the whole portfolio, per status,
 * lead department, priority area, target group and district. Read in a few hundred rows instead of aggregating the
 * 20,000 initiatives' facts on every read after a write.
 *
 * `portfolio_rollups` holds signed additions: a statement-level trigger on `initiative_facts` appends what a statement
 * changed (its new rows counted +1, its old rows −1, grouped, no-ops left out), so concurrent writers never wait for
 * one another on a shared counter row. The read sums the rows per group; the worker folds them into one row per group
 * every minute (`fold-portfolio-rollups`). `portfolio_rollups_computed` is the same figures from scratch, from
 * `initiative_facts`: the backfill and the tests (kept = from scratch) use it.
 */
export class PortfolioRollups1795461000000 implements MigrationInterface {
  name = 'PortfolioRollups1795461000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // key: the status, or the group's id as text; NULL for the whole portfolio and for "no lead department".
    await queryRunner.query(`
      CREATE TABLE "portfolio_rollups" (
        "dimension" character varying(20) NOT NULL,
        "key" text,
        "initiatives" integer NOT NULL,
        "annual_cost_sek" bigint NOT NULL,
        "without_annual_cost" integer NOT NULL,
        "unlinked" integer NOT NULL,
        "followed" integer NOT NULL,
        "with_plan" integer NOT NULL,
        CONSTRAINT "ck_portfolio_rollups_dimension" CHECK ("dimension" IN ('portfolio', 'status', 'lead_department', 'priority_area', 'target_group', 'district'))
      )`);
    await queryRunner.query(
      `CREATE VIEW portfolio_rollups_computed AS ${rollupsOf('SELECT 1 AS sign, * FROM initiative_facts')}`,
    );
    // TG_ARGV[0]: the statement's changed facts with a sign, from its transition tables. A group none of whose figures
    // changed gets no row.
    await queryRunner.query(`CREATE ${rollupsAddFunctionSql(false)}`);
    await queryRunner.query(`
      CREATE FUNCTION portfolio_rollups_clear() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        DELETE FROM portfolio_rollups;
        RETURN NULL;
      END $fn$`);
    const trigger = (event: string, referencing: string, rows: string) =>
      queryRunner.query(
        `CREATE TRIGGER "tr_initiative_facts_portfolio_rollups_${event.toLowerCase()}" AFTER ${event} ON "initiative_facts"
           REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION portfolio_rollups_add('${rows}')`,
      );
    await trigger('INSERT', 'NEW TABLE AS new_rows', 'SELECT 1 AS sign, * FROM new_rows');
    await trigger(
      'UPDATE',
      'OLD TABLE AS old_rows NEW TABLE AS new_rows',
      'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows',
    );
    await trigger('DELETE', 'OLD TABLE AS old_rows', 'SELECT -1 AS sign, * FROM old_rows');
    // TRUNCATE initiatives CASCADE (tests) empties the facts without transition tables.
    await queryRunner.query(
      `CREATE TRIGGER "tr_initiative_facts_portfolio_rollups_truncate" AFTER TRUNCATE ON "initiative_facts"
         FOR EACH STATEMENT EXECUTE FUNCTION portfolio_rollups_clear()`,
    );
    await queryRunner.query(`INSERT INTO portfolio_rollups SELECT * FROM portfolio_rollups_computed`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await queryRunner.query(`DROP TRIGGER "tr_initiative_facts_portfolio_rollups_${event}" ON "initiative_facts"`);
    }
    await queryRunner.query(`DROP FUNCTION portfolio_rollups_clear()`);
    await queryRunner.query(`DROP FUNCTION portfolio_rollups_add()`);
    await queryRunner.query(`DROP VIEW portfolio_rollups_computed`);
    await queryRunner.query(`DROP TABLE "portfolio_rollups"`);
  }
}

/**
 * `portfolio_rollups_add()`, the triggers' function (after CREATE or CREATE OR REPLACE), with rollupsOf's groups.
 */
export function rollupsAddFunctionSql(byLeadDepartment: boolean): string {
  return `FUNCTION portfolio_rollups_add() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        EXECUTE format($q$INSERT INTO portfolio_rollups SELECT * FROM (${rollupsOf('%s', byLeadDepartment)}) AS x
                         WHERE (x.initiatives, x.annual_cost_sek, x.without_annual_cost, x.unlinked, x.followed, x.with_plan)
                               <> (0, 0, 0, 0, 0, 0)$q$, TG_ARGV[0]);
        RETURN NULL;
      END $fn$`;
}

/**
 * The figures of each group, from `source`: rows of initiative_facts with a leading `sign` (+1 counts the row, −1
 * takes it away). An initiative counts once in the portfolio, its status and its lead department, and once in each of
 * its priority areas, target groups and districts. Followed: approved or active, the initiatives follow-up is about.
 * `byLeadDepartment` (migration DepartmentRollups): each group once per lead department, in a last column.
 */
export function rollupsOf(source: string, byLeadDepartment = false): string {
  return `SELECT g.dimension::character varying(20) AS dimension, g.key,
         sum(r.sign)::int AS initiatives,
         sum(r.sign * COALESCE(r.annual_cost_sek, 0))::bigint AS annual_cost_sek,
         sum(r.sign * (r.annual_cost_sek IS NULL)::int)::int AS without_annual_cost,
         sum(r.sign * (r.area_ids = '{}')::int)::int AS unlinked,
         sum(r.sign * (r.status IN ('approved', 'active'))::int)::int AS followed,
         sum(r.sign * (r.status IN ('approved', 'active') AND r.has_plan)::int)::int AS with_plan${byLeadDepartment ? ', r.lead_department_id' : ''}
    FROM (${source}) r
    CROSS JOIN LATERAL (
      SELECT 'portfolio', NULL::text
      UNION ALL SELECT 'status', r.status::text
      UNION ALL SELECT 'lead_department', r.lead_department_id::text
      UNION ALL SELECT 'priority_area', a::text FROM unnest(r.area_ids) AS a
      UNION ALL SELECT 'target_group', t::text FROM unnest(r.target_group_ids) AS t
      UNION ALL SELECT 'district', d::text FROM unnest(r.district_ids) AS d
    ) AS g(dimension, key)
   GROUP BY ${byLeadDepartment ? 'r.lead_department_id, ' : ''}g.dimension, g.key`;
}
