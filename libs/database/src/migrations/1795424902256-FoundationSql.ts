import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What entities cannot express: the free-text indexes over initiatives (declared with `synchronize: false` on
 * InitiativeEntity). The expressions must match the search predicate in buildInitiativeListQuery for the planner to use them.
 */
export class FoundationSql1795424902256 implements MigrationInterface {
  name = 'FoundationSql1795424902256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_initiatives_search_fts" ON "initiatives"
         USING gin (to_tsvector('swedish'::regconfig, code || ' ' || title || ' ' || coalesce(summary, '')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_initiatives_search_trgm" ON "initiatives"
         USING gin ((lower(code || ' ' || title || ' ' || coalesce(summary, ''))) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_initiatives_search_trgm"`);
    await queryRunner.query(`DROP INDEX "ix_initiatives_search_fts"`);
  }
}
