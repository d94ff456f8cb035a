import { OverlapRefreshService } from '#portfolio-review';
import { givenDistrict, givenInitiative, givenTargetGroup } from './support/factories.js';
import { api, createTestApp, expectProblem, type TestApp } from './support/test-app.js';

type StoredPair = {
  initiative_id: string;
  other_initiative_id: string;
  score: number;
  reasons: unknown[];
  fingerprint: string;
  computed_at: Date;
};

/**
 * The stored overlap pairs, the outbox their triggers fill and the drain that rescores what it notes. The GET only
 * reads: each test drains (as the worker's scheduled job does) before it reads. Titles "Läxhjälp för unga" and "Nattvandring" share no
 * trigram and no word; no initiative has priority areas or outcomes (those parts are 0).
 *   P, Q: target group T1, district D1, the same title:  0.25 × 1 + 0.15 × 1 + 0.25 × 1 = 0.65.
 *   R (T1, T2; D1, D2) with P or Q: 0.25 × 1/2 + 0.15 × 1/2 = 0.2 — a candidate under the floor (0.4), not stored.
 * Later S (T2, D2, titled as R) with R: 0.25 × 1/2 + 0.15 × 1/2 + 0.25 × 1 = 0.45.
 */
describe('Overlaps: stored pairs, the outbox and its drain', () => {
  let t: TestApp;
  let ids: Record<'P' | 'Q' | 'R', string>;
  let d2: string;
  let t2: string;
  let sId: string;

  const list = (query = '') => t.admin.get(api(`/portfolio/overlaps${query}`));
  const refresher = () => t.app.get(OverlapRefreshService);
  const drain = () => refresher().drain();
  const noted = async (): Promise<string[]> =>
    (await t.dataSource.query(`SELECT initiative_id FROM overlap_outbox ORDER BY position`)).map(
      (row: { initiative_id: string }) => row.initiative_id,
    );
  const stored = (): Promise<StoredPair[]> =>
    t.dataSource.query(
      `SELECT initiative_id, other_initiative_id, score, reasons, fingerprint, computed_at FROM overlap_pairs ORDER BY score DESC`,
    );
  /** The list's total reads overlap_score_counts: it must count the stored pairs per score, exactly. */
  const expectScoreCountsExact = async () => {
    const kept = await t.dataSource.query(`SELECT score, n FROM overlap_score_counts WHERE n <> 0 ORDER BY score`);
    const counted = await t.dataSource.query(
      `SELECT score, count(*)::int AS n FROM overlap_pairs GROUP BY score ORDER BY score`,
    );
    expect(kept).toEqual(counted);
  };
  const strip = (rows: StoredPair[]) => rows.map(({ computed_at: _, ...rest }) => rest);
  const pairOf = (x: string, y: string) => (x < y ? [x, y] : [y, x]);
  const scores = async () =>
    (await stored()).map((p) => ({ ids: [p.initiative_id, p.other_initiative_id], score: p.score }));

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const [t1, tg2] = [
      await givenTargetGroup(ds, { code: 'REF-T1', name: 'Unga' }),
      await givenTargetGroup(ds, { code: 'REF-T2', name: 'Äldre' }),
    ];
    const [d1, dist2] = [
      await givenDistrict(ds, { code: 'REF-D1', name: 'Kronogården' }),
      await givenDistrict(ds, { code: 'REF-D2', name: 'Lextorp' }),
    ];
    [t2, d2] = [tg2.id, dist2.id];
    const homework = { title: 'Läxhjälp för unga', summary: null };
    const p = await givenInitiative(
      ds,
      { code: 'REF-P', status: 'active', ...homework },
      { targetGroupIds: [t1.id], districtIds: [d1.id] },
    );
    const q = await givenInitiative(
      ds,
      { code: 'REF-Q', status: 'approved', ...homework },
      { targetGroupIds: [t1.id], districtIds: [d1.id] },
    );
    const r = await givenInitiative(
      ds,
      { code: 'REF-R', status: 'proposed', title: 'Nattvandring', summary: null },
      { targetGroupIds: [t1.id, tg2.id], districtIds: [d1.id, dist2.id] },
    );
    ids = { P: p.id, Q: q.id, R: r.id };
  });

  afterAll(() => t.close());

  it('stores only the pairs at or above the floor once drained, and remembers every open initiative', async () => {
    // The triggers noted each initiative as it was created (drafts too: the drain finds them not open).
    expect(new Set(await noted())).toEqual(new Set(Object.values(ids)));
    expect((await list()).body).toMatchObject({ items: [], total: 0 });
    expect(await drain()).toMatchObject({ dirty: 3, gone: 0 });
    expect(await noted()).toEqual([]);
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [{ score: 0.65 }], total: 1 });
    expect(await scores()).toEqual([{ ids: pairOf(ids.P, ids.Q), score: 0.65 }]);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM overlap_facts`))[0].n).toBe(3);
  });

  it('refuses a minScore under the floor, naming it', async () => {
    const res = await list('?minScore=0.3');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([
      {
        field: 'minScore',
        message: 'minScore must be at least 0.4: pairs scoring less are not kept (OVERLAP_LIST_MIN_SCORE)',
      },
    ]);
    expect((await list('?minScore=0.4')).body.total).toBe(1);
  });

  it('scores a new initiative on the next drain, recomputing only its pairs', async () => {
    const [before] = await stored();
    const s = await givenInitiative(
      t.dataSource,
      { code: 'REF-S', status: 'active', title: 'Nattvandring', summary: null },
      { targetGroupIds: [t2], districtIds: [d2] },
    );

    expect(await drain()).toEqual({ noted: expect.any(Number), dirty: 1, gone: 0 });
    expect((await list()).body).toMatchObject({ items: [{ score: 0.65 }, { score: 0.45 }], total: 2 });
    const [pq, rs] = await stored();
    expect([rs.initiative_id, rs.other_initiative_id]).toEqual(pairOf(ids.R, s.id));
    // P–Q was not touched: the same row, computed when it was.
    expect(pq).toEqual(before);
    sId = s.id;
  });

  it('rescores a changed initiative on the next drain, and leaves the untouched pairs alone', async () => {
    const [, rsBefore] = await stored();
    // Q now also works in D2: with P districts 1/2 → 0.25 + 0.15 × 1/2 + 0.25 = 0.575; with R 0.25 × 1/2 + 0.15 × 1 = 0.275.
    await t.dataSource.query(`INSERT INTO initiative_districts (initiative_id, district_id) VALUES ($1, $2)`, [
      ids.Q,
      d2,
    ]);
    // Noted in the inserting transaction; the read does not rescore.
    expect(await noted()).toEqual([ids.Q]);
    expect((await list()).body).toMatchObject({ items: [{ score: 0.65 }, { score: 0.45 }], total: 2 });

    expect(await drain()).toEqual({ noted: 1, dirty: 1, gone: 0 });
    expect((await list()).body).toMatchObject({ items: [{ score: 0.575 }, { score: 0.45 }], total: 2 });
    const [pq, rs] = await stored();
    expect(pq.reasons).toEqual([
      { kind: 'target_groups', label: 'Samma målgrupper', share: 1, shared: ['REF-T1'], names: ['Unga'] },
      { kind: 'districts', label: 'Samma geografiska områden', share: 0.5, shared: ['REF-D1'], names: ['Kronogården'] },
      { kind: 'text', label: 'Liknande titel och beskrivning', similarity: 1 },
    ]);
    expect(rs).toEqual(rsBefore);
  });

  it('answers a read while a drain holds the refresh lock, leaving the outbox as it was: the GET sends no refresh', async () => {
    await t.dataSource.query(`UPDATE initiatives SET summary = 'Läxor' WHERE id = $1`, [ids.R]);
    await t.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(4713, 0)');
      // A read that refreshed would wait here for the lock until the test's timeout.
      expect((await list()).body).toMatchObject({ items: [{ score: 0.575 }, { score: 0.45 }], total: 2 });
    });
    expect(await noted()).toEqual([ids.R]);
    await t.dataSource.query(`UPDATE initiatives SET summary = NULL WHERE id = $1`, [ids.R]);
    expect(await drain()).toEqual({ noted: 2, dirty: 0, gone: 0 });
  });

  it('keeps the stored table equal to a computation from scratch, reporting the full refresh as it goes', async () => {
    const incremental = await stored();
    expect(incremental).toHaveLength(2);
    // The full refresh forgets every stored fact and rescores every open initiative, two at a time here.
    const progress: [number, number][] = [];
    expect(
      await refresher().refreshAll((done, total) => Promise.resolve(void progress.push([done, total])), 2),
    ).toEqual({
      noted: 4,
      dirty: 4,
      gone: 0,
    });
    expect(progress).toEqual([
      [2, 4],
      [4, 4],
    ]);
    expect(strip(await stored())).toEqual(strip(incremental));
    await expectScoreCountsExact();
    expect(await refresher().needsFullRefresh()).toBe(false);
  });

  it('drops the pairs of an initiative that closes or is deleted', async () => {
    await t.dataSource.query(`UPDATE initiatives SET status = 'completed' WHERE id = $1`, [sId]);
    expect(await drain()).toEqual({ noted: 1, dirty: 0, gone: 1 });
    expect((await list()).body).toMatchObject({ items: [{ score: 0.575 }], total: 1 });
    expect(
      (await t.dataSource.query(`SELECT initiative_id FROM overlap_facts WHERE initiative_id = $1`, [sId])).length,
    ).toBe(0);

    // A deletion cascades to the stored pairs at once.
    await t.dataSource.query(`DELETE FROM initiatives WHERE id = $1`, [ids.P]);
    await drain();
    expect((await list()).body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    expect(await stored()).toEqual([]);
    await expectScoreCountsExact();
  });

  it("counts the text part as pg_trgm similarity and the lexemes' Jaccard would, from the stored int arrays", async () => {
    const texts = [
      ['REF-U', 'Sommarjobb för unga i Lextorp', 'Feriearbete för ungdomar under sommarlovet.'],
      ['REF-V', 'Sommarjobb och läxhjälp för unga', 'Ungdomar får feriearbete och stöd i skolarbetet.'],
      ['REF-W', 'Läxhjälp i Lextorp', null],
    ];
    const t1 = (await t.dataSource.query(`SELECT id FROM target_groups WHERE code = 'REF-T1'`))[0].id;
    const d1 = (await t.dataSource.query(`SELECT id FROM districts WHERE code = 'REF-D1'`))[0].id;
    for (const [code, title, summary] of texts) {
      await givenInitiative(
        t.dataSource,
        { code: code!, status: 'active', title: title!, summary },
        { targetGroupIds: [t1], districtIds: [d1] },
      );
    }
    await drain();

    // Independent of the refresh: pg_trgm's own similarity and the lexemes intersected as text, per stored pair.
    const rows: { stored: number; direct: number }[] = await t.dataSource.query(`
      WITH x AS (
        SELECT i.id, lower(i.title || ' ' || COALESCE(i.summary, '')) AS text,
               ARRAY(SELECT unnest(tsvector_to_array(i.search_vector)) EXCEPT SELECT unnest(tsvector_to_array(to_tsvector('swedish', i.code)))) AS words
          FROM initiatives i
      )
      SELECT (SELECT (r->>'similarity')::float8 FROM jsonb_array_elements(p.reasons) r WHERE r->>'kind' = 'text') AS stored,
             round((similarity(a.text, b.text)::numeric +
                    COALESCE(cardinality(ARRAY(SELECT unnest(a.words) INTERSECT SELECT unnest(b.words)))::numeric /
                             NULLIF(cardinality(a.words) + cardinality(b.words) - cardinality(ARRAY(SELECT unnest(a.words) INTERSECT SELECT unnest(b.words))), 0), 0)) / 2, 4)::float8 AS direct
        FROM overlap_pairs p JOIN x a ON a.id = p.initiative_id JOIN x b ON b.id = p.other_initiative_id`);
    // U, V and W share T1 and D1 (0.4 before the text: three pairs); with Q (districts 1/2: 0.325) one pair reaches
    // the floor on its text. Their texts share some words and trigrams, none all.
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.direct > 0 && r.direct < 1)).toHaveLength(4);
    for (const row of rows) expect(row.stored ?? 0).toBe(row.direct);
  });

  it('drains nothing when nothing is noted, and an unchanged initiative costs no rescore', async () => {
    expect(await drain()).toEqual({ noted: 0, dirty: 0, gone: 0 });
    const before = await stored();
    // A column the score does not rest on is not noted; one it does, set to what it was, is noted and found unchanged.
    await t.dataSource.query(`UPDATE initiatives SET annual_cost_sek = 1000 WHERE code = 'REF-U'`);
    expect(await noted()).toEqual([]);
    await t.dataSource.query(`UPDATE initiatives SET title = title || ' ' WHERE code = 'REF-U'`);
    await t.dataSource.query(`UPDATE initiatives SET title = rtrim(title) WHERE code = 'REF-U'`);
    expect(await drain()).toEqual({ noted: 2, dirty: 0, gone: 0 });
    expect(await stored()).toEqual(before);
  });

  it('lets two drains at the same time each take rows the other did not: none handled twice, none lost', async () => {
    const before = await stored();
    // Every open initiative noted and its facts forgotten: each must be rescored exactly once.
    await t.dataSource.query(
      `INSERT INTO overlap_outbox (initiative_id) SELECT initiative_id FROM overlap_facts ORDER BY initiative_id`,
    );
    const waiting = (await noted()).length;
    await t.dataSource.query(`DELETE FROM overlap_facts`);
    const [one, other] = await Promise.all([refresher().drain(undefined, 1), refresher().drain(undefined, 1)]);
    expect(one.noted + other.noted).toBe(waiting);
    expect(one.dirty + other.dirty).toBe(waiting);
    expect(await noted()).toEqual([]);
    expect(strip(await stored())).toEqual(strip(before));
    await expectScoreCountsExact();
  });
});
