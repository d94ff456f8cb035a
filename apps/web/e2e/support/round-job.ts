import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

/**
 * Creates a reporting round's status reports as its job would: the browser tests run the API but no worker, so the
 * job a round queues never runs on its own. Answers how many reports were created.
 */
export async function createStatusReports(roundId: string): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'apps/web/e2e/support/create-status-reports.mjs'), ROOT, roundId],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'test',
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6380',
      },
      timeout: 60_000,
    },
  );
  return (JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { created: number }).created;
}
