import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationOutbox1795439588609 implements MigrationInterface {
  name = 'NotificationOutbox1795439588609';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD "body" text NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD "claimed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notifications_unsent" ON "notifications" ("status", "created_at")
            WHERE status IN ('pending', 'sending')
        `);
    // Written by hand: TypeORM does not compare check constraints. 'sending' marks a claimed notice.
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "ck_notifications_status" CHECK (status IN ('pending', 'sending', 'sent', 'failed'))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_status"
        `);
    await queryRunner.query(`
            UPDATE "notifications" SET "status" = 'failed', "last_error" = 'left sending when the outbox migration was reverted' WHERE "status" = 'sending'
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "ck_notifications_status" CHECK (status IN ('pending', 'sent', 'failed'))
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_unsent"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP COLUMN "claimed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP COLUMN "body"
        `);
  }
}
