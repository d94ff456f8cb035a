import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * Once for the browser tests: finds (or installs) Chromium, creates a database of their own, migrates it with the
 * deployment's one-shot migration, loads the Trollhättan demo data (the built seed `npm run demo` runs: departments
 * SSPF, MBU…, initiatives such as FRAMTIDSCENTRUM), and starts the built API as production does
 * (`node dist/apps/api/src/main.js`) on a free loopback port, serving the built web app. The returned teardown stops the API and drops the database,
 * whether the tests passed or not. A signal (Ctrl-C, npm test's timeout) or an exit without teardown kills the API
 * and drops the database on the way out; a database left even so is dropped by the next Jest run
 * (test/setup/global-setup.js: its name carries this process's id, as createTestDatabase's do).
 */

declare module 'vitest' {
  interface ProvidedContext {
    /** `http://127.0.0.1:<port>`: the API and the web app. */
    baseUrl: string;
    chromiumPath: string;
    /** The tests' database, for what a worker would do in production (e2e/support/round-job.ts). */
    databaseUrl: string;
  }
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const WEB_INDEX = join(ROOT, 'dist/apps/web/index.html');
const MIGRATE = join(ROOT, 'dist/libs/database/src/migrate.js');
const DEMO_SEED = join(ROOT, 'dist/libs/demo/src/run-demo-seed.js');
const SCAN_PORTFOLIO = join(ROOT, 'apps/web/e2e/support/scan-portfolio.mjs');
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://samla:samla@127.0.0.1:5433/samla';
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export default async function setup(project: TestProject) {
  for (const [file, build] of [
    [API_MAIN, 'npm run build'],
    [MIGRATE, 'npm run build'],
    [DEMO_SEED, 'npm run build'],
    [WEB_INDEX, 'npm run web:build'],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`${build}\` first (npm test does)`);
  }
  // Installs Debian's chromium when missing and running as root; prints its path.
  let chromiumPath: string;
  try {
    chromiumPath = execFileSync('bash', [join(ROOT, 'scripts/ensure-chromium.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 600_000,
    }).trim();
  } catch {
    throw new Error('no Chromium to run the browser tests in: see the [chromium] line above');
  }

  const database = await TestDatabase.create();
  let api: ApiProcess | undefined;
  // Synchronous, for a signal or an exit: Vitest's own handlers exit right after, and nothing asynchronous would run.
  const abandon = () => {
    api?.killNow();
    database.dropNow();
  };
  // Before Vitest's own handlers, which exit; should there be none, the signal is raised again to end the process.
  const onSignal = (signal: NodeJS.Signals) => {
    abandon();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.prependOnceListener('exit', abandon);
  for (const signal of SIGNALS) process.prependOnceListener(signal, onSignal);
  const teardown = async () => {
    process.off('exit', abandon);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    await api?.stop();
    await database.drop();
  };
  try {
    await database.migrate();
    await database.seedDemo();
    await database.scanPortfolio();
    api = await ApiProcess.start({ DATABASE_URL: database.url });
    await api.whenReady();
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('baseUrl', api.baseUrl);
  project.provide('chromiumPath', chromiumPath);
  project.provide('databaseUrl', database.url);
  return teardown;
}

/** A database of the browser tests' own on the development PostgreSQL: created, migrated, seeded, dropped. */
export class TestDatabase {
  private dropped = false;

  private constructor(
    readonly name: string,
    readonly url: string,
  ) {}

  static async create() {
    const name = `samla_test_${process.pid}_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
      await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return new TestDatabase(name, url.toString());
  }

  async migrate() {
    await promisify(execFile)(process.execPath, [MIGRATE], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: this.url },
      timeout: 60_000,
    });
  }

  /** The Trollhättan demo data (departments SSPF, MBU…, initiatives, funding, alerts' sources), as `npm run demo` loads it. */
  async seedDemo() {
    await promisify(execFile)(process.execPath, [DEMO_SEED], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: this.url },
      timeout: 120_000,
    });
  }

  /** The portfolio scans once, as of today, as `npm run demo` runs them when it starts: the demo's alerts. */
  async scanPortfolio() {
    await promisify(execFile)(process.execPath, [SCAN_PORTFOLIO, ROOT], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        NODE_ENV: 'test',
        DATABASE_URL: this.url,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6380',
      },
      timeout: 60_000,
    });
  }

  async drop() {
    if (this.dropped) return;
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
      this.dropped = true;
    } catch (error) {
      process.emitWarning(`test database ${this.name} left behind: ${(error as Error).message}`);
    } finally {
      await client.end();
    }
  }

  /** The same, blocking: a short Node process of its own, given five seconds. */
  dropNow() {
    if (this.dropped) return;
    this.dropped = true;
    const script = `const pg = require('pg'); const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 4000 });
      c.connect().then(() => c.query(process.argv[2])).finally(() => c.end());`;
    spawnSync(process.execPath, ['-e', script, ADMIN_URL, `DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 5_000,
      stdio: 'ignore',
    });
  }
}

/** The built API (`node dist/apps/api/src/main.js`) on a free loopback port, serving the built web app. */
export class ApiProcess {
  private output = '';
  private readonly exited: Promise<void>;
  private ended = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-100_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise<void>((done) => {
      child.once('exit', () => done());
      child.once('error', (error) => {
        this.output += `\n${error.message}`;
        done();
      });
    }).then(() => {
      this.ended = true;
    });
  }

  static async start(env: { DATABASE_URL: string }) {
    const port = await freeLoopbackPort();
    const { NODE_OPTIONS: _vitestOnly, ...inherited } = process.env;
    const child = spawn(process.execPath, [API_MAIN], {
      cwd: ROOT,
      env: {
        ...inherited,
        NODE_ENV: 'test',
        PORT: String(port),
        // The development issuer names itself after PUBLIC_URL and sends sign-ins back only to its origin: this one.
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6380',
        QUEUE_PREFIX: `samla-browser-${randomUUID().slice(0, 8)}`,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ApiProcess(child, `http://127.0.0.1:${port}`);
  }

  killNow() {
    if (!this.ended) this.child.kill('SIGKILL');
  }

  async whenReady() {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.ended) throw this.failure('the API exited during start-up');
      try {
        const res = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 200));
    }
    throw this.failure(`${this.baseUrl}/health/ready did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`);
  }

  /** SIGTERM (its graceful shutdown), SIGKILL when it takes longer than STOP_TIMEOUT_MS. */
  async stop() {
    if (this.ended) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.killNow(), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private failure(message: string) {
    return new Error(`${message}\n--- the API's last lines ---\n${this.output.split('\n').slice(-30).join('\n')}`);
  }
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
