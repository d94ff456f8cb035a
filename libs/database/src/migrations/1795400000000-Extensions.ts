import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Trigram search for initiative text; pg_trgm is a trusted extension, so the database owner may create it. */
export class Extensions1795400000000 implements MigrationInterface {
  name = 'Extensions1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
