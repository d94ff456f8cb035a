import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 (the daily scans at a million funding lines): every scan rewrites each alert whose cause it finds again
 * (last_seen_on, the alert's version), tens of thousands of rows a day at that size. With full pages each such update
 * put the new row on another page and a new entry into all seven of the table's indexes (289 of 577,000 updates were
 * HOT). Leaving 40 % of each page free keeps the new version on its own page, with no index entry: the grant-expired
 * scan three months on 4.1 -> 2.9 s (its 32,000 updates 2.0 -> 1.2 s). The table takes about 1.6 times the space.
 * Rows written from now on leave the room; pages already full stay so until their rows go (resolved alerts are kept,
 * so a municipality wanting it at once runs VACUUM FULL alerts in a quiet hour).
 */
export class AlertsRoomForUpdates1795474000000 implements MigrationInterface {
  name = 'AlertsRoomForUpdates1795474000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alerts" SET (fillfactor = 60)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alerts" RESET (fillfactor)`);
  }
}
