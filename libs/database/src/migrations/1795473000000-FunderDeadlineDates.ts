import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 (the daily scans at a million funding lines): the funder-report scan looks for the deadlines of the next
 * 30 days among every line's `reporting_deadlines`, a JSON array: a sequential scan of the million lines and 290,000
 * arrays unpacked, 1.5 s, to find 2,118. A GIN index over each line's deadline dates finds the lines with one in the
 * window (`&&` the window's days): 70 ms.
 *
 * funding_deadline_dates is IMMUTABLE although a text-to-date cast is only STABLE (DateStyle): the dates are stored
 * as YYYY-MM-DD (the API accepts nothing else, IsCalendarDate), which every DateStyle reads alike.
 */
export class FunderDeadlineDates1795473000000 implements MigrationInterface {
  name = 'FunderDeadlineDates1795473000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION funding_deadline_dates(deadlines jsonb) RETURNS date[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         AS $$ SELECT array_agg((e ->> 'date')::date) FROM jsonb_array_elements(deadlines) AS e $$`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_funding_lines_deadline_dates" ON "funding_lines" USING gin (funding_deadline_dates(reporting_deadlines)) WHERE status <> 'rejected' AND reporting_deadlines <> '[]'::jsonb`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_funding_lines_deadline_dates"`);
    await queryRunner.query(`DROP FUNCTION funding_deadline_dates(jsonb)`);
  }
}
