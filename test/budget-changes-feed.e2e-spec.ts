import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { givenApiKey } from './support/budget-factories.js';
import { givenDepartment, givenFundingLine, givenInitiative, uniqueCode } from './support/factories.js';
import { api, createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

type FeedItem = {
  kind: 'initiative' | 'funding_line';
  id: string;
  deleted: boolean;
  initiative: Record<string, unknown> | null;
  fundingLine: Record<string, unknown> | null;
};
type FeedPage = { items: FeedItem[]; nextCursor: string; hasMore: boolean };

describe('Budget system integration: changes feed', () => {
  let t: TestApp;
  let reader: string;

  const page = async (cursor?: string, limit?: number): Promise<FeedPage> => {
    const res = await request(t.http)
      .get(api('/integrations/budget/initiatives'))
      .query({ ...(cursor ? { cursor } : {}), ...(limit ? { limit } : {}) })
      .set('X-Api-Key', reader);
    expect(res.status).toBe(200);
    return res.body;
  };

  /** Pages from the cursor to the end, once. */
  const drain = async (cursor?: string, limit?: number) => {
    const items: FeedItem[] = [];
    let next = cursor;
    for (;;) {
      const p = await page(next, limit);
      items.push(...p.items);
      next = p.nextCursor;
      if (!p.hasMore) return { items, cursor: next };
    }
  };

  /**
   * Pages until `done` holds for what came. The feed waits for every older transaction on the server, and other test
   * files write to their own databases on the same server meanwhile, so a change may take a moment to come through.
   */
  const drainUntilDone = async (cursor: string | undefined, done: (items: FeedItem[]) => boolean) => {
    const items: FeedItem[] = [];
    let next = cursor;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const drained = await drain(next);
      items.push(...drained.items);
      next = drained.cursor;
      if (done(items)) return { items, cursor: next };
      if (Date.now() > deadline) throw new Error(`feed did not catch up; it gave ${JSON.stringify(items)}`);
      await sleep(50);
    }
  };
  /** Pages until every id has come. */
  const drainUntil = (cursor: string | undefined, wanted: string[]) =>
    drainUntilDone(cursor, (items) => wanted.every((id) => items.some((i) => i.id === id)));

  const ids = (items: FeedItem[]) => items.map((i) => i.id);
  const connect = async () => {
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    return client;
  };
  const insertInitiative = (client: Client, title: string) =>
    client
      .query(`INSERT INTO initiatives (code, title, kind) VALUES ($1, $2, 'project') RETURNING id`, [
        uniqueCode('FEED'),
        title,
      ])
      .then((r) => r.rows[0].id as string);

  let tip: string;
  let first: { id: string; lineId: string; secondId: string };

  beforeAll(async () => {
    t = await createTestApp();
    reader = await givenApiKey(t, ['budget:read']);
    const department = await givenDepartment(t.dataSource, { code: 'AMF', name: 'Arbetsmarknadsförvaltningen' });
    const a = await givenInitiative(t.dataSource, {
      title: 'Unga till arbete',
      status: 'active',
      leadDepartmentId: department.id,
      budgetProjectCode: 'P4711',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
      annualCostSek: 1_200_000,
    });
    const line = await givenFundingLine(t.dataSource, a.id, {
      budgetProjectCode: 'P4711',
      amountSek: 800_000,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    });
    const b = await givenInitiative(t.dataSource, { title: 'Språkstöd i förskolan' });
    first = { id: a.id, lineId: line.id, secondId: b.id };
  });

  afterAll(() => t.close());

  it('should list existing records in order from the start, page to the end, and then give nothing', async () => {
    // Arrange: wait until all three are past the horizon, so the pages below are exact.
    await drainUntil(undefined, [first.id, first.lineId, first.secondId]);

    // Act
    const one = await page(undefined, 2);
    const two = await page(one.nextCursor, 2);
    const again = await page(two.nextCursor, 2);

    // Assert
    expect(one.items).toEqual([
      {
        kind: 'initiative',
        id: first.id,
        deleted: false,
        initiative: {
          code: expect.stringMatching(/^INI-/),
          title: 'Unga till arbete',
          kind: 'project',
          status: 'active',
          leadDepartmentCode: 'AMF',
          budgetProjectCode: 'P4711',
          startDate: '2025-01-01',
          endDate: '2026-12-31',
          annualCostSek: 1_200_000,
          version: 1,
          updatedAt: expect.any(String),
        },
        fundingLine: null,
      },
      {
        kind: 'funding_line',
        id: first.lineId,
        deleted: false,
        initiative: null,
        fundingLine: {
          initiativeId: first.id,
          initiativeCode: one.items[0].initiative?.code,
          sourceType: 'state_grant',
          funder: 'Länsstyrelsen Västra Götaland',
          decisionReference: null,
          amountSek: 800_000,
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
          status: 'granted',
          renewable: false,
          successorFundingId: null,
          budgetProjectCode: 'P4711',
          coverageDecision: 'undecided',
          coverageDecidedOn: null,
          version: 1,
          updatedAt: expect.any(String),
        },
      },
    ]);
    expect(one.hasMore).toBe(true);
    expect(ids(two.items)).toEqual([first.secondId]);
    expect(two.items[0].initiative).toEqual(
      expect.objectContaining({
        title: 'Språkstöd i förskolan',
        status: 'draft',
        leadDepartmentCode: null,
        annualCostSek: null,
      }),
    );
    expect(two.hasMore).toBe(false);
    expect(again).toEqual({ items: [], nextCursor: two.nextCursor, hasMore: false });
    tip = two.nextCursor;
  });

  it('should give a change made after the end once', async () => {
    await t.dataSource.query(
      `UPDATE initiatives SET title = 'Språkstöd i förskola och fritids', version = version + 1 WHERE id = $1`,
      [first.secondId],
    );

    const { items, cursor } = await drainUntil(tip, [first.secondId]);

    expect(ids(items)).toEqual([first.secondId]);
    expect(items[0].initiative).toEqual(
      expect.objectContaining({ title: 'Språkstöd i förskola och fritids', version: 2 }),
    );
    expect((await page(cursor)).items).toEqual([]);
    tip = cursor;
  });

  it('should give a record changed several times once, in its latest state', async () => {
    for (const amount of [700_000, 650_000, 600_000]) {
      await t.dataSource.query(`UPDATE funding_lines SET amount_sek = $2, version = version + 1 WHERE id = $1`, [
        first.lineId,
        amount,
      ]);
    }

    const { items, cursor } = await drainUntil(tip, [first.lineId]);

    expect(ids(items)).toEqual([first.lineId]);
    expect(items[0].fundingLine).toEqual(expect.objectContaining({ amountSek: 600_000, version: 4 }));
    tip = cursor;
  });

  it('should not count an update that changes nothing', async () => {
    await t.dataSource.query(`UPDATE funding_lines SET amount_sek = amount_sek WHERE id = $1`, [first.lineId]);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM change_feed WHERE entity_id = $1`,
      [first.lineId],
    );
    expect(count).toBe(4);
  });

  it('should give a discontinued initiative and an ended funding line', async () => {
    await t.dataSource.transaction(async (em) => {
      await em.query(`UPDATE initiatives SET status = 'discontinued', version = version + 1 WHERE id = $1`, [first.id]);
      await em.query(
        `UPDATE funding_lines SET status = 'ended', coverage_decision = 'phase_out', version = version + 1 WHERE id = $1`,
        [first.lineId],
      );
    });

    const { items, cursor } = await drainUntil(tip, [first.id, first.lineId]);

    expect(ids(items)).toEqual([first.id, first.lineId]);
    expect(items[0].initiative).toEqual(expect.objectContaining({ status: 'discontinued', version: 2 }));
    expect(items[1].fundingLine).toEqual(
      expect.objectContaining({ status: 'ended', coverageDecision: 'phase_out', version: 5 }),
    );
    tip = cursor;
  });

  it('should give a deleted draft and its funding line as tombstones', async () => {
    const draft = await givenInitiative(t.dataSource, { title: 'Utkast som ångras' });
    const line = await givenFundingLine(t.dataSource, draft.id);
    tip = (await drainUntil(tip, [draft.id, line.id])).cursor;

    await t.admin
      .delete(api(`/initiatives/${draft.id}`))
      .set('If-Match', '"1"')
      .expect(204);
    const { items, cursor } = await drainUntil(tip, [draft.id, line.id]);

    expect([...items].sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([
      { kind: 'funding_line', id: line.id, deleted: true, initiative: null, fundingLine: null },
      { kind: 'initiative', id: draft.id, deleted: true, initiative: null, fundingLine: null },
    ]);
    tip = cursor;
  });

  it('should hold back a later commit until an earlier transaction ends, then give both once in transaction order', async () => {
    // Arrange: A takes its transaction id first and stays open while B commits.
    const a = await connect();
    const b = await connect();
    try {
      await a.query('BEGIN');
      const x = await insertInitiative(a, 'Skrivs i transaktion A');
      await b.query('BEGIN');
      const y = await insertInitiative(b, 'Skrivs i transaktion B');
      await b.query('COMMIT');

      // Act: B's change is committed and visible, but A could still commit behind it.
      const whileOpen = await drain(tip);
      const [{ visible }] = await t.dataSource.query(`SELECT count(*)::int AS visible FROM initiatives WHERE id = $1`, [
        y,
      ]);
      await a.query('COMMIT');
      const { items, cursor } = await drainUntil(whileOpen.cursor, [x, y]);

      // Assert
      expect(visible).toBe(1);
      expect(whileOpen.items).toEqual([]);
      expect(whileOpen.cursor).toBe(tip);
      expect(ids(items)).toEqual([x, y]);
      tip = cursor;
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('should give every committed change exactly once to a reader paging while several writers commit at random', async () => {
    // Arrange: records to update, and a reader that starts from the current tip.
    const seeds = await Promise.all([1, 2, 3].map((n) => givenInitiative(t.dataSource, { title: `Startinsats ${n}` })));
    const seedLines = await Promise.all(seeds.map((s) => givenFundingLine(t.dataSource, s.id, { amountSek: 1000 })));
    const start = (await drainUntil(tip, [...seeds.map((s) => s.id), ...seedLines.map((l) => l.id)])).cursor;
    const inserted: string[] = [];
    const rolledBack: string[] = [];
    let writing = true;
    const delivered: FeedItem[] = [];

    const writer = async (n: number) => {
      const client = await connect();
      try {
        for (let i = 0; i < 12; i++) {
          const rollback = Math.random() < 0.15;
          await client.query('BEGIN');
          const roll = Math.random();
          if (roll < 0.3) {
            const id = await insertInitiative(client, `Skribent ${n} insats ${i}`);
            (rollback ? rolledBack : inserted).push(id);
          } else if (roll < 0.65) {
            await client.query(`UPDATE initiatives SET title = $2, version = version + 1 WHERE id = $1`, [
              seeds[i % 3].id,
              `Skribent ${n} ändring ${i}`,
            ]);
          } else {
            await client.query(
              `UPDATE funding_lines SET amount_sek = amount_sek + 1, version = version + 1 WHERE id = $1`,
              [seedLines[(i + n) % 3].id],
            );
          }
          // Hold the transaction open a little, so commits interleave with other writers' and with the reader's pages.
          await client.query('SELECT pg_sleep($1)', [Math.random() * 0.03]);
          await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
        }
      } finally {
        await client.end();
      }
    };

    const readerLoop = async () => {
      let cursor = start;
      while (writing) {
        const p = await page(cursor, 1 + Math.floor(Math.random() * 5));
        delivered.push(...p.items);
        cursor = p.nextCursor;
        if (!p.hasMore) await sleep(5);
      }
      return cursor;
    };

    // Act
    const reading = readerLoop();
    await Promise.all([1, 2, 3, 4].map(writer));
    writing = false;
    const final: { id: string; version: number }[] = await t.dataSource.query(
      `SELECT id, version FROM initiatives WHERE id = ANY($1) UNION ALL SELECT id, version FROM funding_lines WHERE id = ANY($2)`,
      [[...seeds.map((s) => s.id), ...inserted], seedLines.map((l) => l.id)],
    );
    const changed = final.filter((r) => r.version > 1 || inserted.includes(r.id));
    expect(changed.length).toBeGreaterThan(0);
    const versionOf = (i: FeedItem) => (i.initiative ?? i.fundingLine)?.version as number;
    const rest = await drainUntilDone(await reading, (items) =>
      changed.every((r) => [...delivered, ...items].some((i) => i.id === r.id && versionOf(i) === r.version)),
    );
    delivered.push(...rest.items);

    // Assert: one delivery per committed version, versions rising per record, ending at the record's final version.
    const keys = delivered.map((i) => `${i.id}@${versionOf(i)}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const record of changed) {
      const versions = delivered.filter((i) => i.id === record.id).map(versionOf);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      expect({ id: record.id, last: versions.at(-1) }).toEqual({ id: record.id, last: record.version });
    }
    expect(delivered.filter((i) => rolledBack.includes(i.id))).toEqual([]);
    expect(delivered.every((i) => !i.deleted)).toBe(true);
    // A stable order: reading the same stretch again gives the same sequence.
    const twice = [await drain(start, 7), await drain(start, 3)];
    expect(ids(twice[0].items)).toEqual(ids(twice[1].items));
    expect(twice[0].cursor).toBe(twice[1].cursor);
  });

  describe('access and input', () => {
    it('should refuse a request without a key (401) and a key without budget:read (403)', async () => {
      const writerOnly = await givenApiKey(t, ['budget:write']);
      expectProblem(await request(t.http).get(api('/integrations/budget/initiatives')), 401);
      expectProblem(
        await request(t.http).get(api('/integrations/budget/initiatives')).set('X-Api-Key', writerOnly),
        403,
      );
    });

    it('should let an admin read the feed with a token', async () => {
      const res = await t.admin.get(api('/integrations/budget/initiatives')).query({ limit: 1 });
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.hasMore).toBe(true);
    });

    it.each([
      ['a cursor that is not base64url', { cursor: 'inte en markör!' }, 'cursor'],
      ['a cursor of another version', { cursor: Buffer.from('v2.1.1').toString('base64url') }, 'cursor'],
      ['a limit of 0', { limit: 0 }, 'limit'],
      ['a limit that is not a number', { limit: 'alla' }, 'limit'],
    ])('should refuse %s with 400', async (_name, query, field) => {
      const res = await request(t.http)
        .get(api('/integrations/budget/initiatives'))
        .query(query)
        .set('X-Api-Key', reader);
      expectProblem(res, 400);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set([field]));
    });

    it('should cap a limit above 5,000', async () => {
      const res = await request(t.http)
        .get(api('/integrations/budget/initiatives'))
        .query({ limit: 99_999 })
        .set('X-Api-Key', reader);
      expect(res.status).toBe(200);
      expect(res.body.hasMore).toBe(false);
    });
  });
});
