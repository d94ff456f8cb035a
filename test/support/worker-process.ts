import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Built by scripts/test.sh before Jest starts: the worker runs as in production, from dist/.
const WORKER_MAIN = resolve(ROOT, 'dist/apps/worker/src/main.js');
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6380';
const MAX_OUTPUT = 1_000_000;

/** Queues of their own in Redis, so a test's workers take only that test's jobs. */
export const newQueuePrefix = () => `samla-test-worker-${randomUUID().slice(0, 8)}`;

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** A child process whose output is kept for failure messages and whose end can be awaited. */
export class ChildUnderTest {
  private output = '';
  private ended = false;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-MAX_OUTPUT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((done) => {
      child.once('exit', (code, signal) => done({ code, signal }));
      // E.g. the binary is missing: no 'exit' follows.
      child.once('error', (error) => {
        this.output += `\n${error.message}`;
        done({ code: null, signal: null });
      });
    });
    running.add(this);
    void this.exited.then(() => {
      this.ended = true;
      running.delete(this);
    });
  }

  get alive() {
    return !this.ended;
  }

  /** Everything it printed so far, for assertions on its log and for failure messages. */
  log() {
    return this.output;
  }

  signal(signal: NodeJS.Signals) {
    this.child.kill(signal);
  }

  /** Ends it for sure: SIGKILL, then waits for the exit. */
  async kill() {
    if (this.alive) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Fails with its output, so a test failing on a child says what the child said. */
  failure(message: string) {
    return new Error(`${message}\n--- ${this.name}, last lines ---\n${this.output.split('\n').slice(-30).join('\n')}`);
  }
}

const running = new Set<ChildUnderTest>();

/** For afterEach: no child outlives its test, whatever happened in it (a child left running keeps Jest from exiting). */
export async function killChildren() {
  await Promise.all([...running].map((child) => child.kill()));
}

export class WorkerProcess extends ChildUnderTest {
  constructor(
    child: ChildProcess,
    readonly healthPort: number,
  ) {
    super(`worker on health port ${healthPort}`, child);
  }

  /** GET /health/ready: status, content type and body, or undefined while nothing answers. */
  async ready(): Promise<{ status: number; type: string | null; body: Record<string, unknown> } | undefined> {
    try {
      const res = await fetch(`http://127.0.0.1:${this.healthPort}/health/ready`, {
        signal: AbortSignal.timeout(3_000),
      });
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        body: (await res.json()) as Record<string, unknown>,
      };
    } catch {
      return undefined;
    }
  }

  /** Resolves once it answers ready; fails with its output when it exits or does not get there. */
  async whenReady(timeoutMs = 20_000) {
    try {
      await until(
        '/health/ready to answer 200',
        async () => {
          if (!this.alive) throw new Error('the worker exited');
          return (await this.ready())?.status === 200 ? true : undefined;
        },
        timeoutMs,
      );
    } catch (error) {
      throw this.failure((error as Error).message);
    }
    return this;
  }
}

/**
 * Starts `node dist/apps/worker/src/main.js` as production does, against the given database and queue prefix, with
 * `env` on top. Does not wait for it: `await worker.whenReady()`.
 */
export async function spawnWorker(
  env: { DATABASE_URL: string; QUEUE_PREFIX: string } & Record<string, string>,
): Promise<WorkerProcess> {
  const healthPort = await freePort();
  const { NODE_OPTIONS: _jestOnly, ...inherited } = process.env;
  const child = spawn(process.execPath, [WORKER_MAIN], {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'test',
      REDIS_URL,
      LOG_LEVEL: 'info',
      WORKER_HEALTH_PORT: String(healthPort),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new WorkerProcess(child, healthPort);
}

/** A Redis of the test's own on a free port (no persistence), to stop and start again under a running worker. */
export class PrivateRedis {
  private server?: ChildUnderTest;

  private constructor(readonly port: number) {}

  static async start() {
    const redis = new PrivateRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart() {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const server = new ChildUnderTest(`redis-server on port ${this.port}`, child);
    this.server = server;
    try {
      await until(
        'redis-server to accept connections',
        () => {
          if (!server.alive) throw new Error('redis-server exited');
          return server.log().includes('Ready to accept connections') ? true : undefined;
        },
        10_000,
      );
    } catch (error) {
      throw server.failure((error as Error).message);
    }
  }

  async stop() {
    this.server?.signal('SIGTERM');
    await this.server?.exited;
  }
}
