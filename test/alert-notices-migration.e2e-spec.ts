import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#database';
import { ENTITIES } from '#schema';
import { createTestDatabase, type TestDatabase } from '#database/testing';
import { AlertNotices1795453000000 } from '../libs/database/src/migrations/1795453000000-AlertNotices.js';
import { givenAlert } from './support/factories.js';

describe('AlertNotices migration', () => {
  let database: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    ds = await new DataSource(
      dataSourceOptions({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: 2 }, ENTITIES),
    ).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await database.drop();
  });

  it('should remember who was told of what by the mails sent one per alert before it, so nobody hears of them again', async () => {
    const migration = new AlertNotices1795453000000();
    const runner = ds.createQueryRunner();
    await migration.down(runner);
    const alert = await givenAlert(ds, null, { severity: 'critical' });
    await ds.query(
      `INSERT INTO notifications (notice_key, alert_id, recipient, subject, body) VALUES
         ($1, $2, 'chef@example.se', 'Varning', '…'), ($3, $2, 'chef@example.se', 'Kritiskt', '…'), ('digest:2026-W48:chef@example.se', NULL, 'chef@example.se', 'Veckans larm', '…')`,
      [`alert:${alert.id}:warning:chef@example.se`, alert.id, `alert:${alert.id}:critical:chef@example.se`],
    );

    await migration.up(runner);
    await runner.release();

    expect(
      await ds.query(`SELECT alert_id, recipient, severity, notice_key FROM alert_notices ORDER BY severity`),
    ).toEqual([
      {
        alert_id: alert.id,
        recipient: 'chef@example.se',
        severity: 'critical',
        notice_key: `alert:${alert.id}:critical:chef@example.se`,
      },
      {
        alert_id: alert.id,
        recipient: 'chef@example.se',
        severity: 'warning',
        notice_key: `alert:${alert.id}:warning:chef@example.se`,
      },
    ]);
  });
});
