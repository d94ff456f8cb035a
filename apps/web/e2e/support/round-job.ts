import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

/** Runs a support script that does a worker's job on the tests' database; answers the JSON it printed last. */
async function asTheWorker<T>(script: string, ...args: string[]): Promise<T> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'apps/web/e2e/support', script), ROOT, ...args],
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
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T;
}

/**
 * Creates a reporting round's status reports as its job would: the browser tests run the API but no worker, so the
 * job a round queues never runs on its own. Answers how many reports were created.
 */
export async function createStatusReports(roundId: string): Promise<number> {
  return (await asTheWorker<{ created: number }>('create-status-reports.mjs', roundId)).created;
}

/** Rescores the overlap pairs of what changed, as the worker's scheduled drain would. */
export async function drainOverlaps(): Promise<void> {
  await asTheWorker('drain-overlaps.mjs');
}
