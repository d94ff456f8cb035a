import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityAndAudit1795433097648 implements MigrationInterface {
  name = 'IdentityAndAudit1795433097648';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_kind" character varying(10) NOT NULL,
                "actor_id" character varying(200) NOT NULL,
                "actor_name" character varying(200),
                "action" character varying(20) NOT NULL,
                "entity_type" character varying(40) NOT NULL,
                "entity_id" character varying(200) NOT NULL,
                "changes" jsonb NOT NULL DEFAULT '{}',
                "request_id" character varying(100),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_occurred_at" ON "audit_events" ("occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_actor" ON "audit_events" ("actor_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_entity" ON "audit_events" ("entity_type", "entity_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "prefix" character varying(16) NOT NULL,
                "secret_hash" character(64) NOT NULL,
                "scopes" text array NOT NULL,
                "created_by" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_api_keys_name" ON "api_keys" ("name")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_api_keys_prefix" ON "api_keys" ("prefix")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "subject" character varying(200) NOT NULL,
                "name" character varying(200),
                "email" character varying(254),
                "department_id" uuid,
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_users_subject" ON "users" ("subject")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_department_id" ON "users" ("department_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "fk_users_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "fk_users_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_department_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_users_subject"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_api_keys_prefix"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_api_keys_name"
        `);
    await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_actor"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_occurred_at"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
  }
}
