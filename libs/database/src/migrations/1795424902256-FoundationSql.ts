import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What entities cannot express: the search vector's trigger, the free-text and descending-sort indexes over initiatives (declared with
 * `synchronize: false` on InitiativeEntity). The expressions must match the search predicate in buildInitiativeListSql for the planner to use them.
 */
export class FoundationSql1795424902256 implements MigrationInterface {
  name = 'FoundationSql1795424902256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION initiatives_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_vector := to_tsvector('swedish'::regconfig, NEW.code || ' ' || NEW.title || ' ' || coalesce(NEW.summary, ''));
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_initiatives_search_vector BEFORE INSERT OR UPDATE OF code, title, summary ON "initiatives"
         FOR EACH ROW EXECUTE FUNCTION initiatives_search_vector()`,
    );
    await queryRunner.query(`CREATE INDEX "ix_initiatives_search_vector" ON "initiatives" USING gin ("search_vector")`);
    await queryRunner.query(
      `CREATE INDEX "ix_initiatives_search_trgm" ON "initiatives"
         USING gin ((lower(code || ' ' || title || ' ' || coalesce(summary, ''))) gin_trgm_ops)`,
    );
    // `sort=-startDate` (newest first, undated last) reads this index instead of sorting every match.
    await queryRunner.query(
      `CREATE INDEX "ix_initiatives_start_date_desc" ON "initiatives" ("start_date" DESC NULLS LAST, "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_initiatives_start_date_desc"`);
    await queryRunner.query(`DROP INDEX "ix_initiatives_search_trgm"`);
    await queryRunner.query(`DROP INDEX "ix_initiatives_search_vector"`);
    await queryRunner.query(`DROP TRIGGER tr_initiatives_search_vector ON "initiatives"`);
    await queryRunner.query(`DROP FUNCTION initiatives_search_vector()`);
  }
}
