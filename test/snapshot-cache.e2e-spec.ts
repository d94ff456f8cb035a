import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { SnapshotCache } from '#common';
import { givenDepartment } from './support/factories.js';
import { api, createTestApp, type TestApp } from './support/test-app.js';

/** The cache's answers are checked against the database's truth, with real PostgreSQL and Redis. */
describe('Snapshot cache', () => {
  let t: TestApp;
  let cache: SnapshotCache;
  let computed: number;

  beforeAll(async () => {
    t = await createTestApp();
    cache = t.app.get(SnapshotCache);
  });
  afterAll(() => t.close());
  beforeEach(() => (computed = 0));

  /** The departments whose code starts with `prefix`, counted in one REPEATABLE READ transaction through the cache. */
  const countDepartments = (prefix: string, through = cache) =>
    t.dataSource.transaction('REPEATABLE READ', (em) =>
      through.read(em, 'test-departments', { prefix }, async () => {
        computed += 1;
        const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM departments WHERE code LIKE $1 || '%'`, [
          prefix,
        ]);
        return n as number;
      }),
    );

  it('should answer from the cache while nothing is committed, and compute again after any commit', async () => {
    await givenDepartment(t.dataSource, { code: 'SC1-A' });
    const snapshot = () => t.dataSource.query(`SELECT pg_current_snapshot()::text AS s`).then((rows) => rows[0].s);

    // Other test files commit all the time, and any commit anywhere gives the next reader another snapshot: read
    // twice until nothing was committed around the two reads (a bounded number of tries): then at most the first computed.
    let servedFromCache = false;
    for (let attempt = 0; attempt < 20 && !servedFromCache; attempt++) {
      computed = 0;
      const before = await snapshot();
      expect(await countDepartments('SC1-')).toBe(1);
      expect(await countDepartments('SC1-')).toBe(1);
      servedFromCache = before === (await snapshot()) && computed <= 1;
    }
    expect(servedFromCache).toBe(true);

    computed = 0;
    await givenDepartment(t.dataSource, { code: 'SC1-B' });
    expect(await countDepartments('SC1-')).toBe(2);
    expect(computed).toBe(1);
  });

  it('should keep questions apart', async () => {
    await givenDepartment(t.dataSource, { code: 'SC2-A' });

    expect(await countDepartments('SC2-')).toBe(1);
    expect(await countDepartments('SC2-A')).toBe(1);
    expect(await countDepartments('SC9-')).toBe(0);
    expect(computed).toBe(3);
  });

  it('should not serve an answer cached while a write was in progress once that write has committed', async () => {
    const writer = t.dataSource.createQueryRunner();
    await writer.startTransaction();
    try {
      await writer.query(`INSERT INTO departments (code, name, kind) VALUES ('SC3-A', 'Pågående', 'administration')`);
      expect(await countDepartments('SC3-')).toBe(0);
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }

    // Nothing else has begun since: only the writer's commit tells the two snapshots apart.
    expect(await countDepartments('SC3-')).toBe(1);
    expect(computed).toBe(2);
  });

  it('should compute once for the readers of one snapshot that arrive while its answer is being computed', async () => {
    await givenDepartment(t.dataSource, { code: 'SC5-A' });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));

    // One REPEATABLE READ transaction: its three reads see one snapshot, whatever other tests commit meanwhile.
    const answers = await t.dataSource.transaction('REPEATABLE READ', async (em) => {
      const read = () =>
        cache.read(em, 'test-departments-held', { prefix: 'SC5-' }, async () => {
          computed += 1;
          await held;
          const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM departments WHERE code LIKE 'SC5-%'`);
          return n as number;
        });
      const reads = [read(), read(), read()];
      setTimeout(release, 100);
      return Promise.all(reads);
    });

    expect(answers).toEqual([1, 1, 1]);
    expect(computed).toBe(1);
  });

  it('should compute without the cache when Redis cannot be reached', async () => {
    const unreachable = new Redis({
      port: 1,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    const withoutRedis = new SnapshotCache(unreachable, t.app.get(ConfigService));
    await givenDepartment(t.dataSource, { code: 'SC4-A' });

    expect(await countDepartments('SC4-', withoutRedis)).toBe(1);
    expect(await countDepartments('SC4-', withoutRedis)).toBe(1);
    expect(computed).toBe(2);
    unreachable.disconnect();
  });

  it('should show a change in the portfolio summary at the next request', async () => {
    const before = (await t.admin.get(api('/portfolio/summary'))).body.initiatives;
    const lead = await givenDepartment(t.dataSource, { code: 'SC5-LEAD' });
    await t.admin
      .post(api('/initiatives'))
      .send({ code: 'SC5-NY', title: 'Ny insats', kind: 'project', leadDepartmentId: lead.id })
      .expect(201);

    expect((await t.admin.get(api('/portfolio/summary'))).body.initiatives).toBe(before + 1);
  });
});
