import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditSubject1795433475886 implements MigrationInterface {
  name = 'AuditSubject1795433475886';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "audit_events"
            ADD "initiative_id" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_initiative" ON "audit_events" ("initiative_id", "occurred_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_events" DROP COLUMN "initiative_id"
        `);
  }
}
