import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AlertScansModule, AlertScansService, type ScanCounts } from '#alerts';
import { CommonModule } from '#common';
import { DatabaseModule } from '#database';
import { ENTITIES } from '#schema';
import { createTestDatabase } from '#database/testing';

export type Scans = { ds: DataSource; scans: AlertScansService; close: () => Promise<void> };

/**
 * The scans as the worker runs them (no HTTP, no queue), on the database DATABASE_URL names now — the test app's,
 * when it runs after createTestApp.
 */
export async function startScans(): Promise<Scans> {
  const moduleRef = await Test.createTestingModule({
    imports: [CommonModule.forRoot(), DatabaseModule.forRoot(ENTITIES), AlertScansModule],
  }).compile();
  await moduleRef.init();
  return { ds: moduleRef.get(DataSource), scans: moduleRef.get(AlertScansService), close: () => moduleRef.close() };
}

/** The same on a database of their own, with extra configuration (e.g. ALERT_LADDER_DAYS). */
export async function startScansOnOwnDatabase(env: Record<string, string> = {}): Promise<Scans> {
  const database = await createTestDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...env,
  });
  const started = await startScans();
  return {
    ...started,
    close: async () => {
      await started.close();
      await database.drop();
    },
  };
}

export const scanCounts = (raised: number, escalated: number, resolved: number): ScanCounts => ({
  raised,
  escalated,
  resolved,
});
