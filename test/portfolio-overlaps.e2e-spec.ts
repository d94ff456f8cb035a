import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { CommonModule } from '#common';
import { DatabaseModule } from '#database';
import { ENTITIES } from '#schema';
import { OverlapRefreshService, OverlapScanModule, OverlapScanService, orderPair } from '#portfolio-review';
import { QUEUES } from '#queue';
import {
  givenDepartment,
  givenDistrict,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
} from './support/factories.js';
import { givenEffectLink, givenEffectNode } from './support/results-factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestApp } from './support/test-app.js';

type Ref = {
  id: string;
  code: string;
  title: string;
  status: string;
  leadDepartment: { id: string; code: string; name: string } | null;
};

/**
 * A and B share one of A's two target groups, their district, the priority area above their goals (A through a sub-goal)
 * and a goal chain's outcome both link into — of B's two outcomes, its own short-term outcome being the other — and
 * have the same title:
 *   0.25 × 1/2 + 0.15 × 1 + 0.15 × 1 + 0.2 × 1/2 + 0.25 × 1 = 0.775.
 * C and G share their target group and district, nothing else (titles with no trigram or word in common):
 *   0.25 × 1 + 0.15 × 1 = 0.4.
 * C and A (or B) share only a target group: no candidate. E (completed) and F (draft) match A and B but are not open.
 */
describe('Overlaps', () => {
  let t: TestApp;
  let ids: Record<'A' | 'B' | 'C' | 'G' | 'E', string>;
  let refs: Record<'A' | 'B' | 'C' | 'G', Ref>;
  let outcomeId: string;
  const tables = ['overlap_reviews', 'audit_events'];

  beforeAll(async () => {
    // The worker too, so the scan's first run goes through the job as the weekly scheduler runs it. Its scheduled
    // drain runs once at start and then not within the file: the tests drain where they mean to.
    t = await createTestApp({ withWorker: true, env: { OVERLAP_DRAIN_INTERVAL_MS: '3600000' } });
    const ds = t.dataSource;
    const da = await givenDepartment(ds, { code: 'OVL-SOC', name: 'Socialförvaltningen' });
    const db = await givenDepartment(ds, {
      code: 'OVL-AMF',
      name: 'Arbetsmarknadsförvaltningen',
      headEmail: 'chef.amf@example.se',
    });
    const young = await givenTargetGroup(ds, { code: 'OVL-UNGA', name: 'Unga 16–24' });
    const families = await givenTargetGroup(ds, { code: 'OVL-FAM', name: 'Familjer' });
    const krono = await givenDistrict(ds, { code: 'OVL-KRONO', name: 'Kronogården' });
    const lextorp = await givenDistrict(ds, { code: 'OVL-LEX', name: 'Lextorp' });
    await givenDistrict(ds, { code: 'OVL-HJO', name: 'Hjortmossen' });
    const area = await givenGoal(ds, { code: 'OVL-PA', title: 'Trygghet', level: 'priority_area' });
    const sub = await givenGoal(ds, {
      code: 'OVL-SUB',
      title: 'Fler unga i arbete',
      level: 'sub_goal',
      parentId: area.id,
    });
    const outcome = await givenEffectNode(ds, { goalId: area.id }, 'long_term_outcome', {
      title: 'Minskad ungdomsarbetslöshet',
    });
    outcomeId = outcome.id;
    const summerJobs = { title: 'Sommarjobb för unga', summary: null, startDate: '2025-01-01' };

    const a = await givenInitiative(
      ds,
      { code: 'OVL-A', status: 'active', leadDepartmentId: da.id, ...summerJobs },
      { targetGroupIds: [young.id, families.id], districtIds: [krono.id], goalIds: [sub.id] },
    );
    await givenEffectLink(ds, await givenEffectNode(ds, { initiativeId: a.id }, 'activity'), outcome);
    const b = await givenInitiative(
      ds,
      { code: 'OVL-B', status: 'approved', leadDepartmentId: db.id, ...summerJobs },
      { targetGroupIds: [young.id], districtIds: [krono.id], goalIds: [area.id] },
    );
    await givenEffectLink(ds, await givenEffectNode(ds, { initiativeId: b.id }, 'short_term_outcome'), outcome);
    // Their lifecycle guards hold, so the tests can change them through PATCH.
    for (const i of [a, b]) await givenFundingLine(ds, i.id);
    const c = await givenInitiative(
      ds,
      { code: 'OVL-C', status: 'proposed', leadDepartmentId: da.id, title: 'Läxhjälp', summary: null },
      { targetGroupIds: [young.id], districtIds: [lextorp.id] },
    );
    const g = await givenInitiative(
      ds,
      { code: 'OVL-G', status: 'active', leadDepartmentId: null, title: 'Nattvandring', summary: null },
      { targetGroupIds: [young.id], districtIds: [lextorp.id] },
    );
    const e = await givenInitiative(
      ds,
      { code: 'OVL-E', status: 'completed', leadDepartmentId: da.id, ...summerJobs },
      { targetGroupIds: [young.id], districtIds: [krono.id], goalIds: [area.id] },
    );
    await givenInitiative(
      ds,
      { code: 'OVL-F', status: 'draft', leadDepartmentId: da.id, ...summerJobs },
      { targetGroupIds: [young.id], districtIds: [krono.id] },
    );

    ids = { A: a.id, B: b.id, C: c.id, G: g.id, E: e.id };
    const ref = (i: typeof a, dept: typeof da | null): Ref => ({
      id: i.id,
      code: i.code,
      title: i.title,
      status: i.status,
      leadDepartment: dept && { id: dept.id, code: dept.code, name: dept.name },
    });
    refs = { A: ref(a, da), B: ref(b, db), C: ref(c, da), G: ref(g, null) };
  });

  afterAll(() => t.close());

  /** The pair as the API names it: the lower id first. */
  const pair = (x: keyof typeof refs, y: keyof typeof refs) => {
    const [first] = orderPair(refs[x].id, refs[y].id);
    return first === refs[x].id
      ? { initiative: refs[x], otherInitiative: refs[y] }
      : { initiative: refs[y], otherInitiative: refs[x] };
  };
  const abReasons = (districtShare = 1, districts = ['OVL-KRONO'], names = ['Kronogården']) => [
    { kind: 'target_groups', label: 'Samma målgrupper', share: 0.5, shared: ['OVL-UNGA'], names: ['Unga 16–24'] },
    { kind: 'districts', label: 'Samma geografiska områden', share: districtShare, shared: districts, names },
    { kind: 'priority_areas', label: 'Samma prioriterade områden', share: 1, shared: ['OVL-PA'], names: ['Trygghet'] },
    {
      kind: 'outcomes',
      label: 'Samma effekter i effektlogiken',
      share: 0.5,
      shared: [outcomeId],
      names: ['Minskad ungdomsarbetslöshet'],
    },
    { kind: 'text', label: 'Liknande titel och beskrivning', similarity: 1 },
  ];
  const cgReasons = [
    { kind: 'target_groups', label: 'Samma målgrupper', share: 1, shared: ['OVL-UNGA'], names: ['Unga 16–24'] },
    { kind: 'districts', label: 'Samma geografiska områden', share: 1, shared: ['OVL-LEX'], names: ['Lextorp'] },
  ];
  /** The stored pairs as they are: the GET never rescores. */
  const read = (query = '') => t.admin.get(api(`/portfolio/overlaps${query}`));
  /** As the worker's scheduled drain: the outbox drained, then the stored pairs read. */
  const list = async (query = '') => {
    await t.app.get(OverlapRefreshService).drain();
    return read(query);
  };
  const noted = async (): Promise<string[]> =>
    (await t.dataSource.query(`SELECT DISTINCT initiative_id FROM overlap_outbox`)).map(
      (row: { initiative_id: string }) => row.initiative_id,
    );
  const storedPairs = () =>
    t.dataSource.query(
      `SELECT initiative_id, other_initiative_id, score, reasons, fingerprint FROM overlap_pairs ORDER BY initiative_id, other_initiative_id`,
    );
  const review = (x: string, y: string, body: Record<string, unknown>, agent = t.admin) =>
    agent.put(api(`/portfolio/overlaps/${x}/${y}/review`)).send(body);
  const patchInitiative = async (id: string, body: Record<string, unknown>) => {
    const current = await t.admin.get(api(`/initiatives/${id}`));
    const res = await t.admin
      .patch(api(`/initiatives/${id}`))
      .set('If-Match', current.headers.etag)
      .send(body);
    expect(res.body).toMatchObject(body);
  };

  /** A scan as the worker runs it, on the test app's database. */
  const scan = async (asOf = '2026-01-05') => {
    const moduleRef = await Test.createTestingModule({
      imports: [CommonModule.forRoot(), DatabaseModule.forRoot(ENTITIES), OverlapScanModule],
    }).compile();
    await moduleRef.init();
    try {
      return await moduleRef.get(OverlapScanService).run(asOf);
    } finally {
      await moduleRef.close();
    }
  };
  /** The run once the worker has finished it (bounded). */
  const finished = async (queued: { id: string; status: string }) => {
    let run = queued;
    for (
      const deadline = Date.now() + 20_000;
      !['completed', 'failed'].includes(run.status) && Date.now() < deadline;
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = (await t.admin.get(api(`/job-runs/${queued.id}`))).body;
    }
    return run;
  };
  const overlapAlerts = () =>
    t.dataSource.query(
      `SELECT dedupe_key, status, severity, initiative_id, department_id, title, detail FROM alerts WHERE kind = 'possible_overlap' ORDER BY first_raised_at, id`,
    );

  describe('GET /portfolio/overlaps', () => {
    it('lists the candidate pairs of open initiatives, best first, with hand-computed scores and reasons', async () => {
      const res = await list();

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [
          { score: 0.775, ...pair('A', 'B'), reasons: abReasons(), review: null },
          { score: 0.4, ...pair('C', 'G'), reasons: cgReasons, review: null },
        ],
        total: 2,
        limit: 50,
        offset: 0,
      });
    });

    it('filters by minScore and pages', async () => {
      expect((await list('?minScore=0.5')).body).toMatchObject({
        items: [{ score: 0.775, ...pair('A', 'B') }],
        total: 1,
      });
      expect((await list('?limit=1&offset=1')).body).toMatchObject({
        items: [{ score: 0.4, ...pair('C', 'G') }],
        total: 2,
        limit: 1,
        offset: 1,
      });
    });

    it('lists only the pairs an initiative is in, on either side, with initiativeId', async () => {
      expect((await list(`?initiativeId=${ids.G}`)).body).toMatchObject({
        items: [{ score: 0.4, ...pair('C', 'G') }],
        total: 1,
      });
      expect((await list(`?initiativeId=${ids.C}`)).body).toMatchObject({ items: [pair('C', 'G')], total: 1 });
      expect((await list(`?initiativeId=${ids.B}&minScore=0.5`)).body).toMatchObject({
        items: [pair('A', 'B')],
        total: 1,
      });
      expect((await list(`?initiativeId=${ids.E}`)).body).toMatchObject({ items: [], total: 0 });
    });

    it('refuses a bad minScore, include or initiativeId with problem+json', async () => {
      expectProblem(await list('?minScore=2'), 400);
      expectProblem(await list('?minScore=abc'), 400);
      expectProblem(await list('?include=everything'), 400);
      expectProblem(await list('?initiativeId=SSPF'), 400);
    });

    it('is open to every reading role', async () => {
      expect(
        (await (await t.as({ role: 'staff', department: 'OVL-SOC' })).get(api('/portfolio/overlaps'))).status,
      ).toBe(200);
    });
  });

  describe('refresh-overlaps job', () => {
    it('recomputes every pair as a tracked job, with its progress on the job, equal to what the drains left', async () => {
      await list();
      const drained = await storedPairs();
      const queued = await t.admin.post(api('/jobs/refresh-overlaps/runs')).send({});
      expect(queued.status).toBe(202);
      // The open initiatives: A, B, C and G.
      expect(await finished(queued.body)).toMatchObject({
        jobName: 'refresh-overlaps',
        status: 'completed',
        counts: { raised: 0, escalated: 0, resolved: 0, rescored: 4 },
      });
      const queue = t.worker!.get<Queue>(getQueueToken(QUEUES.portfolioScans), { strict: false });
      expect((await queue.getJob(queued.body.id))?.progress).toEqual({ done: 4, total: 4 });
      expect(await storedPairs()).toEqual(drained);
    });
  });

  describe('possible_overlap scan', () => {
    it('raises one alert per pair at or above OVERLAP_ALERT_MIN_SCORE (0.6), on the newer initiative, and nothing twice', async () => {
      const queued = await t.admin.post(api('/jobs/scan-overlaps/runs')).send({ asOf: '2026-01-05' });
      expect(queued.status).toBe(202);
      const run = await finished(queued.body);
      expect(run).toMatchObject({
        jobName: 'scan-overlaps',
        status: 'completed',
        counts: { raised: 1, escalated: 0, resolved: 0 },
      });
      expect(await scan()).toEqual({ raised: 0, escalated: 0, resolved: 0 });

      // The ladder's notice (warning: the lead department's head), in Swedish.
      const [notice] = await t.dataSource.query(`SELECT recipient, subject, body FROM notifications`);
      expect(notice.recipient).toBe('chef.amf@example.se');
      expect(notice.subject).toBe(
        '[Samla] Varning: Möjlig överlappning: Sommarjobb för unga (OVL-B) och Sommarjobb för unga (OVL-A)',
      );
      expect(notice.body).toContain(
        'Insats: Sommarjobb för unga (OVL-B)\nLedande förvaltning: Arbetsmarknadsförvaltningen\nFörst upptäckt:',
      );
      expect(notice.body).toContain(
        'Du får det här meddelandet eftersom du är chef för den förvaltning som leder insatsen OVL-B och larmet har nått nivån varning.',
      );

      const [first, second] = orderPair(ids.A, ids.B);
      expect(await overlapAlerts()).toEqual([
        {
          dedupe_key: `possible_overlap:${first}:${second}`,
          status: 'open',
          severity: 'warning',
          initiative_id: ids.B,
          department_id: refs.B.leadDepartment!.id,
          title: 'Möjlig överlappning: Sommarjobb för unga (OVL-B) och Sommarjobb för unga (OVL-A)',
          detail:
            'Insatserna liknar varandra (likhet 78 av 100): samma målgrupper, samma geografiska områden, samma prioriterade områden, ' +
            'samma effekter i effektlogiken, liknande titel och beskrivning. Ledningsgruppen kan bedöma paret som separata insatser, ' +
            'dubbelarbete eller samordnade insatser; då tystnar larmet tills någon av dem ändras.',
        },
      ]);
    });
  });

  describe('PUT /portfolio/overlaps/{id}/{otherId}/review', () => {
    it('refuses staff, department heads and auditors, writing nothing', async () => {
      const before = await rowCounts(t.dataSource, tables);
      for (const role of ['staff', 'department_head', 'auditor'] as const) {
        const agent = await t.as({ role, department: 'OVL-SOC' });
        expectProblem(await review(ids.A, ids.B, { verdict: 'distinct' }, agent), 403);
      }
      expect(await rowCounts(t.dataSource, tables)).toEqual(before);
    });

    it('refuses bad input with problem+json, writing nothing', async () => {
      const before = await rowCounts(t.dataSource, tables);
      expectProblem(await review(ids.A, ids.B, { verdict: 'maybe' }), 400);
      expectProblem(await review(ids.A, ids.B, { verdict: 'duplicate' }), 400);
      expectProblem(await review(ids.A, ids.B, { verdict: 'coordinated', note: '   ' }), 400);
      expectProblem(await review(ids.A, 'not-a-uuid', { verdict: 'distinct' }), 400);
      expectProblem(await review(ids.A, ids.A, { verdict: 'distinct' }), 422);
      const unknown = '00000000-0000-4000-8000-000000000000';
      const res = await review(unknown, ids.A, { verdict: 'distinct' });
      expectProblem(res, 404);
      expect(res.body.detail).toBe(`No initiative with id ${unknown}.`);
      expect(await rowCounts(t.dataSource, tables)).toEqual(before);
    });

    it('keeps a leadership verdict for the pair, named either way, audited, and hides the pair', async () => {
      const leadership = await t.as({ role: 'leadership', sub: 'ledning-1', name: 'Lena Ledning' });
      const before = await rowCounts(t.dataSource, tables);

      const res = await review(ids.B, ids.A, { verdict: 'coordinated', note: 'Samordnas i SSPF-gruppen' }, leadership);

      expect(res.status).toBe(200);
      const [first, second] = orderPair(ids.A, ids.B);
      expect(res.body).toMatchObject({
        initiativeId: first,
        otherInitiativeId: second,
        verdict: 'coordinated',
        note: 'Samordnas i SSPF-gruppen',
        reviewedBy: 'Lena Ledning',
      });
      expect(await rowCounts(t.dataSource, tables)).toEqual({
        overlap_reviews: before.overlap_reviews + 1,
        audit_events: before.audit_events + 1,
      });
      const [event] = await t.dataSource.query(
        `SELECT action, entity_id, initiative_id FROM audit_events WHERE entity_type = 'overlap_review'`,
      );
      expect(event).toEqual({ action: 'decision', entity_id: res.body.id, initiative_id: first });

      expect((await list()).body).toMatchObject({ items: [pair('C', 'G')], total: 1 });
      expect((await list('?include=reviewed')).body.items[0]).toEqual({
        score: 0.775,
        ...pair('A', 'B'),
        reasons: abReasons(),
        review: {
          verdict: 'coordinated',
          note: 'Samordnas i SSPF-gruppen',
          reviewedAt: expect.any(String),
          stale: false,
        },
      });
      // Found from the agenda by one of its initiatives: gone from the pairs to discuss, there with its verdict.
      expect((await list(`?initiativeId=${ids.A}`)).body).toMatchObject({ items: [], total: 0 });
      expect((await list(`?initiativeId=${ids.A}&include=reviewed`)).body).toMatchObject({
        items: [{ ...pair('A', 'B'), review: { verdict: 'coordinated' } }],
        total: 1,
      });
    });

    it('replaces the verdict when given again (one row per pair)', async () => {
      const before = await rowCounts(t.dataSource, tables);
      const res = await review(ids.A, ids.B, { verdict: 'distinct' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ verdict: 'distinct', note: null, version: 2 });
      expect(await rowCounts(t.dataSource, tables)).toEqual({
        overlap_reviews: before.overlap_reviews,
        audit_events: before.audit_events + 1,
      });
    });

    it('resolves the alert at the next scan once the pair is quiet', async () => {
      expect(await scan()).toEqual({ raised: 0, escalated: 0, resolved: 1 });
      expect((await overlapAlerts()).map((a: { status: string }) => a.status)).toEqual(['resolved']);
    });

    it('stays quiet when something irrelevant changes (budget project code, cost)', async () => {
      await patchInitiative(ids.A, { budgetProjectCode: 'PRJ-4711', annualCostSek: 250000 });
      expect((await list()).body.total).toBe(1);
      expect(await scan()).toEqual({ raised: 0, escalated: 0, resolved: 0 });
    });

    it('wakes up when a district changes, showing the verdict as stale and the new score', async () => {
      await list();
      await patchInitiative(ids.A, { districtCodes: ['OVL-HJO', 'OVL-KRONO'] });
      // The change noted A in its own transaction; a read answers what is stored until the worker drains.
      expect(await noted()).toEqual([ids.A]);
      expect((await read('?include=reviewed')).body.items[0]).toMatchObject({ score: 0.775, ...pair('A', 'B') });
      expect(await noted()).toEqual([ids.A]);

      // Districts now 1 shared of 2: 0.775 − 0.15 + 0.15 × 1/2 = 0.7.
      const res = await list();
      expect(res.body).toMatchObject({ total: 2 });
      expect(res.body.items[0]).toEqual({
        score: 0.7,
        ...pair('A', 'B'),
        reasons: abReasons(0.5),
        review: { verdict: 'distinct', note: null, reviewedAt: expect.any(String), stale: true },
      });
      // Awake again, above 0.6: a new alert (the old one stays resolved).
      expect(await scan()).toEqual({ raised: 1, escalated: 0, resolved: 0 });
    });

    it('wakes up when a title changes', async () => {
      expect((await review(ids.A, ids.B, { verdict: 'duplicate', note: 'Samma sak två gånger' })).status).toBe(200);
      expect((await list()).body.total).toBe(1);

      await patchInitiative(ids.B, { title: 'Sommarjobb för unga vuxna' });

      const [first, second] = orderPair(ids.A, ids.B);
      const [item] = (await list('?minScore=0.5')).body.items;
      expect(item).toMatchObject({
        initiative: { id: first },
        otherInitiative: { id: second },
        review: { verdict: 'duplicate', stale: true },
      });
    });

    it('rescores after goal-tree and effect-logic changes, equal to a full recompute', async () => {
      await list();
      const [before] = (await read(`?initiativeId=${ids.A}&include=reviewed`)).body.items;
      expect([before.initiative.id, before.otherInitiative.id].sort()).toEqual([ids.A, ids.B].sort());
      // B's link into the shared outcome goes: the deletion notes B (and whoever reaches the link's start).
      await t.dataSource.query(
        `DELETE FROM effect_links WHERE to_node_id = $1 AND from_node_id IN (SELECT id FROM effect_nodes WHERE initiative_id = $2)`,
        [outcomeId, ids.B],
      );
      expect(await noted()).toEqual([ids.B]);
      // The sub-goal leaves the priority area: A, linked below it, no longer shares the area.
      await t.dataSource.query(`UPDATE goals SET parent_id = NULL WHERE code = 'OVL-SUB'`);
      expect(new Set(await noted())).toEqual(new Set([ids.A, ids.B]));

      // Outcomes (0.2 × 1/2) and priority areas (0.15) no longer shared: the pair falls under the floor.
      expect(before.score - 0.25).toBeLessThan(0.4);
      expect((await list(`?initiativeId=${ids.A}&include=reviewed`)).body).toMatchObject({ items: [], total: 0 });
      expect(await noted()).toEqual([]);
      const drained = await storedPairs();
      await t.app.get(OverlapRefreshService).refreshAll();
      expect(await storedPairs()).toEqual(drained);
    });

    it('drops a pair when an initiative closes, and the scan resolves its alert', async () => {
      await t.dataSource.query(`UPDATE initiatives SET status = 'completed' WHERE id = $1`, [ids.B]);
      expect((await list('?include=reviewed')).body).toMatchObject({ items: [pair('C', 'G')], total: 1 });
      expect(await scan()).toEqual({ raised: 0, escalated: 0, resolved: 1 });
    });
  });
});
