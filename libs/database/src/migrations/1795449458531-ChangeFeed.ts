import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbound changes feed (issue 7, item 4): row triggers on initiatives and funding lines note which record
 * changed and in which transaction. The feed reads only rows of transactions below its snapshot's xmin, so a row
 * can never appear behind a cursor once read (see libs/integration/src/changes-feed). No entity: nothing writes the
 * table but the triggers, and TypeORM has no xid8 type.
 */
export class ChangeFeed1795449458531 implements MigrationInterface {
  name = 'ChangeFeed1795449458531';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "change_feed" (
        "position" bigserial NOT NULL,
        "xid" xid8 NOT NULL,
        "entity_kind" character varying(20) NOT NULL,
        "entity_id" uuid NOT NULL,
        CONSTRAINT "ck_change_feed_entity_kind" CHECK (entity_kind IN ('initiative', 'funding_line')),
        CONSTRAINT "pk_change_feed" PRIMARY KEY ("position")
      )`);
    // The feed's order and cursor.
    await queryRunner.query(`CREATE INDEX "ix_change_feed_xid_position" ON "change_feed" ("xid", "position")`);
    // "Is there a later change of this record?" — the feed skips a change that a later one supersedes.
    await queryRunner.query(`CREATE INDEX "ix_change_feed_entity" ON "change_feed" ("entity_id", "xid", "position")`);
    // Kept cheap: one narrow insert per changed row; the record's state is read by the feed, not copied here.
    await queryRunner.query(`
      CREATE FUNCTION change_feed_note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO change_feed (xid, entity_kind, entity_id)
        VALUES (pg_current_xact_id(), TG_ARGV[0], CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
        RETURN NULL;
      END $$`);
    for (const [table, kind] of [
      ['initiatives', 'initiative'],
      ['funding_lines', 'funding_line'],
    ]) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_change_feed" AFTER INSERT OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION change_feed_note('${kind}')`,
      );
      // An UPDATE that changes nothing is not a change.
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_change_feed_update" AFTER UPDATE ON "${table}" FOR EACH ROW
           WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION change_feed_note('${kind}')`,
      );
    }
    // Records that exist already are the feed's first page.
    await queryRunner.query(`
      INSERT INTO change_feed (xid, entity_kind, entity_id)
      SELECT pg_current_xact_id(), kind, id
      FROM (SELECT 'initiative' AS kind, id, created_at FROM initiatives
            UNION ALL SELECT 'funding_line', id, created_at FROM funding_lines) existing
      ORDER BY created_at, kind DESC, id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['funding_lines', 'initiatives']) {
      await queryRunner.query(`DROP TRIGGER "tr_${table}_change_feed_update" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "tr_${table}_change_feed" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION change_feed_note()`);
    await queryRunner.query(`DROP TABLE "change_feed"`);
  }
}
