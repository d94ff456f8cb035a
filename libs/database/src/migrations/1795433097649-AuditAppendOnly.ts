import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is append-only in the database itself, not only in code: UPDATE, DELETE and TRUNCATE on
 * audit_events raise an error for every user, the application's own included. (REVOKE would not bind the
 * table's owner, which the application's user is.)
 */
export class AuditAppendOnly1795433097649 implements MigrationInterface {
  name = 'AuditAppendOnly1795433097649';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
         FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
         FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_audit_events_no_truncate ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER tr_audit_events_append_only ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse_change()`);
  }
}
