import type { DepartmentEntity } from '#reference-data';
import type { InitiativeEntity } from '#portfolio';
import type { IndicatorEntity } from '#results';
import type { Response } from 'supertest';
import { givenDepartment, givenInitiative, uniqueCode } from './support/factories.js';
import { givenIndicator, givenIndicatorValue } from './support/indicator-factories.js';
import { givenEffectNode } from './support/results-factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestAgent, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '7b9d1f3a-5c7e-4a0b-8d2f-4a6c8e0b2d4f';
const TABLES = ['indicators', 'indicator_values', 'indicator_effect_nodes', 'audit_events'];
const CSV_HEADER = 'period,cell,kind,value,numerator,denominator,persons';

describe('Indicators', () => {
  let t: TestApp;
  let own: DepartmentEntity;
  let other: DepartmentEntity;
  let initiative: InitiativeEntity;
  let ownStaff: TestAgent;
  let ownHead: TestAgent;
  let otherHead: TestAgent;
  let leadership: TestAgent;
  let auditor: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    own = await givenDepartment(t.dataSource, { name: 'Arbetsmarknads- och socialförvaltningen' });
    other = await givenDepartment(t.dataSource, { name: 'Kultur- och fritidsförvaltningen' });
    initiative = await givenInitiative(t.dataSource, { title: 'Framtidscentrum', leadDepartmentId: own.id });
    ownStaff = await t.as({ role: 'staff', department: own.code });
    ownHead = await t.as({ role: 'department_head', department: own.code });
    otherHead = await t.as({ role: 'department_head', department: other.code });
    leadership = await t.as({ role: 'leadership' });
    auditor = await t.as({ role: 'auditor' });
  });
  afterAll(() => t.close());

  const counts = () => rowCounts(t.dataSource, TABLES);
  const indicator = (overrides: Partial<IndicatorEntity> = {}) => givenIndicator(t.dataSource, own.id, overrides);
  const auditOf = (entityType: string) =>
    t.dataSource.query(
      `SELECT action, entity_id AS "entityId", changes FROM audit_events WHERE entity_type = $1 ORDER BY occurred_at, id`,
      [entityType],
    );

  /** Acts, expects the problem, and proves nothing was written. */
  async function expectRefused(act: () => Promise<Response>, status: number) {
    const before = await counts();
    const res = await act();
    expectProblem(res, status);
    expect(await counts()).toEqual(before);
    return res;
  }

  describe('defining indicators', () => {
    const body = () => ({
      code: uniqueCode('SYSS'),
      name: 'Förvärvsarbetande invånare 20–64 år, andel (%)',
      unit: 'percent',
      direction: 'increase',
      source: 'kolada',
      breakdowns: ['born', 'sex'],
      koladaKpis: { all: 'N02267', 'born:abroad': 'N02268', 'born:sweden': 'N02269' },
      ownerDepartmentId: own.id,
    });

    it('should create a Kolada indicator, list it by code and audit it', async () => {
      const sent = body();
      const created = await t.admin.post(api('/indicators')).send(sent);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        ...sent,
        id: expect.any(String),
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const list = await auditor.get(api('/indicators')).query({ limit: 200 });
      expect(list.status).toBe(200);
      expect(list.body.items).toContainEqual(expect.objectContaining({ id: created.body.id, code: sent.code }));
      expect(await auditOf('indicator')).toContainEqual(
        expect.objectContaining({ action: 'create', entityId: created.body.id }),
      );
    });

    it.each([
      ['admin', () => t.admin, 201],
      ['leadership', () => leadership, 201],
      ['the owning department head', () => ownHead, 201],
      ['another department head', () => otherHead, 403],
      ['staff', () => ownStaff, 403],
      ['an auditor', () => auditor, 403],
    ])('should let %s create an indicator owned by the department: %s', async (_who, as, status) => {
      if (status === 201) expect((await as().post(api('/indicators')).send(body())).status).toBe(201);
      else await expectRefused(() => as().post(api('/indicators')).send(body()), 403);
    });

    it('should refuse bad input (400), broken rules (422) and a taken code (409), writing nothing', async () => {
      await expectRefused(
        () =>
          t.admin
            .post(api('/indicators'))
            .send({ ...body(), code: 'not a code', unit: 'bananas', breakdowns: ['colour'] }),
        400,
      );
      await expectRefused(
        () => t.admin.post(api('/indicators')).send({ ...body(), koladaKpis: { all: 'not-a-kpi' } }),
        400,
      );
      const noKpis = await expectRefused(
        () => t.admin.post(api('/indicators')).send({ ...body(), koladaKpis: null }),
        422,
      );
      expect(noKpis.body.errors).toEqual([{ field: 'koladaKpis', message: 'required for a Kolada indicator' }]);
      const unsupported = await expectRefused(
        () => t.admin.post(api('/indicators')).send({ ...body(), breakdowns: ['sex'] }),
        422,
      );
      expect(unsupported.body.errors).toEqual([
        { field: 'koladaKpis.born:abroad', message: expect.stringMatching(/not broken down by born/) },
        { field: 'koladaKpis.born:sweden', message: expect.stringMatching(/not broken down by born/) },
      ]);
      await expectRefused(() => t.admin.post(api('/indicators')).send({ ...body(), source: 'survey' }), 422);
      await expectRefused(
        () => t.admin.post(api('/indicators')).send({ ...body(), ownerDepartmentId: UNKNOWN_ID }),
        422,
      );
      const taken = await indicator();
      await expectRefused(() => t.admin.post(api('/indicators')).send({ ...body(), code: taken.code }), 409);
    });
  });

  describe('linking to outcome nodes', () => {
    it('should link an outcome node, refuse it twice, and audit the link', async () => {
      const ind = await indicator();
      const node = await givenEffectNode(t.dataSource, { initiativeId: initiative.id }, 'short_term_outcome');
      const linked = await ownStaff.post(api(`/effect-nodes/${node.id}/indicators`)).send({ indicatorId: ind.id });
      expect(linked.status).toBe(201);
      expect(linked.body).toEqual({ effectNodeId: node.id, indicatorId: ind.id, createdAt: expect.any(String) });
      expect(await auditOf('indicator_effect_node')).toContainEqual(
        expect.objectContaining({
          action: 'create',
          entityId: node.id,
          changes: { effectNodeId: { after: node.id }, indicatorId: { after: ind.id } },
        }),
      );
      await expectRefused(
        () => ownStaff.post(api(`/effect-nodes/${node.id}/indicators`)).send({ indicatorId: ind.id }),
        409,
      );
    });

    it('should refuse moving a measured node to a level indicators cannot measure, writing nothing', async () => {
      const ind = await indicator();
      const node = await givenEffectNode(t.dataSource, { initiativeId: initiative.id }, 'long_term_outcome');
      expect(
        (await t.admin.post(api(`/effect-nodes/${node.id}/indicators`)).send({ indicatorId: ind.id })).status,
      ).toBe(201);

      const res = await expectRefused(
        () =>
          t.admin
            .patch(api(`/effect-nodes/${node.id}`))
            .set('If-Match', '"1"')
            .send({ level: 'output' }),
        422,
      );
      expect(res.body.errors).toEqual([{ field: 'level', message: expect.stringMatching(/indicators measure only/) }]);
      expect(
        (
          await t.admin
            .patch(api(`/effect-nodes/${node.id}`))
            .set('If-Match', '"1"')
            .send({ level: 'impact' })
        ).status,
      ).toBe(200);
    });

    it('should refuse an activity or output node, an unknown indicator, a stranger to the chain and a missing node', async () => {
      const ind = await indicator();
      for (const level of ['activity', 'output'] as const) {
        const node = await givenEffectNode(t.dataSource, { initiativeId: initiative.id }, level);
        const res = await expectRefused(
          () => t.admin.post(api(`/effect-nodes/${node.id}/indicators`)).send({ indicatorId: ind.id }),
          422,
        );
        expect(res.body.detail).toMatch(/measure outcomes/);
      }
      const outcome = await givenEffectNode(t.dataSource, { initiativeId: initiative.id }, 'impact');
      await expectRefused(
        () => t.admin.post(api(`/effect-nodes/${outcome.id}/indicators`)).send({ indicatorId: UNKNOWN_ID }),
        422,
      );
      await expectRefused(
        () => t.admin.post(api(`/effect-nodes/${outcome.id}/indicators`)).send({ indicatorId: 'nope' }),
        400,
      );
      await expectRefused(
        () => otherHead.post(api(`/effect-nodes/${outcome.id}/indicators`)).send({ indicatorId: ind.id }),
        403,
      );
      await expectRefused(
        () => auditor.post(api(`/effect-nodes/${outcome.id}/indicators`)).send({ indicatorId: ind.id }),
        403,
      );
      await expectRefused(
        () => t.admin.post(api(`/effect-nodes/${UNKNOWN_ID}/indicators`)).send({ indicatorId: ind.id }),
        404,
      );
    });
  });

  describe('follow-up plans', () => {
    it('should accept a plan naming existing indicators and refuse one naming an unknown id (422), writing nothing', async () => {
      const ind = await indicator();
      const target = await givenInitiative(t.dataSource, { title: 'Plan med nyckeltal', leadDepartmentId: own.id });
      const plan = (indicatorIds: string[]) => ({
        followUpPlan: {
          method: 'Halvårsvis uppföljning',
          frequency: 'biannual',
          responsible: 'Processägaren',
          indicatorIds,
        },
      });
      const patch = (body: object) =>
        t.admin
          .patch(api(`/initiatives/${target.id}`))
          .set('If-Match', '"1"')
          .send(body);

      const before = await rowCounts(t.dataSource, ['audit_events']);
      const refused = await patch(plan([ind.id, UNKNOWN_ID]));
      expectProblem(refused, 422);
      expect(refused.body.errors).toEqual([
        { field: 'followUpPlan.indicatorIds[1]', message: 'no indicator with this id' },
      ]);
      expect(await rowCounts(t.dataSource, ['audit_events'])).toEqual(before);

      const accepted = await patch(plan([ind.id]));
      expect(accepted.status).toBe(200);
      expect(accepted.body.followUpPlan.indicatorIds).toEqual([ind.id]);
    });
  });

  describe('values', () => {
    it('should record a measurement in a canonical cell, list it, refuse the same point twice (409) and audit it', async () => {
      const ind = await indicator();
      const sent = {
        kind: 'measurement',
        period: '2024-Q3',
        cell: 'born:abroad , sex:women',
        value: 40,
        numerator: 20,
        denominator: 50,
        persons: 50,
        sourceNote: 'Egen uppföljning',
      };
      const created = await ownStaff.post(api(`/indicators/${ind.id}/measurements`)).send(sent);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        ...sent,
        cell: 'sex:women,born:abroad',
        area: 'municipality',
        id: expect.any(String),
        indicatorId: ind.id,
        suppressed: false,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await auditOf('indicator_value')).toContainEqual(
        expect.objectContaining({ action: 'create', entityId: created.body.id }),
      );

      const list = await auditor.get(api(`/indicators/${ind.id}/measurements`));
      expect(list.body).toEqual({ items: [created.body], total: 1, limit: 50, offset: 0 });

      const again = await expectRefused(
        () =>
          ownHead
            .post(api(`/indicators/${ind.id}/measurements`))
            .send({ ...sent, cell: 'sex:women,born:abroad', sourceNote: 'Rättad' }),
        409,
      );
      expect(again.body.detail).toMatch(/already recorded/);
      // The same point as a baseline is another value.
      expect(
        (await ownHead.post(api(`/indicators/${ind.id}/measurements`)).send({ ...sent, kind: 'baseline' })).status,
      ).toBe(201);
    });

    it('should set and list targets as values of kind target', async () => {
      const ind = await indicator();
      const created = await ownHead.post(api(`/indicators/${ind.id}/targets`)).send({ period: '2026', value: 70 });
      expect(created.status).toBe(201);
      expect(created.body).toEqual(expect.objectContaining({ kind: 'target', period: '2026', cell: 'all', value: 70 }));
      await givenIndicatorValue(t.dataSource, ind.id, '2024', 61);
      const targets = await auditor.get(api(`/indicators/${ind.id}/targets`));
      expect(targets.body.items).toEqual([created.body]);
      const measurements = await auditor.get(api(`/indicators/${ind.id}/measurements`)).query({ kind: 'measurement' });
      expect(measurements.body.items).toEqual([expect.objectContaining({ kind: 'measurement', value: 61 })]);
    });

    it('should refuse bad input with 400 and values the indicator cannot take with 422, writing nothing', async () => {
      const ind = await indicator({ breakdowns: ['sex'] });
      const post = (body: object) => () =>
        ownStaff
          .post(api(`/indicators/${ind.id}/measurements`))
          .send({ kind: 'measurement', period: '2024', value: 50, ...body });
      for (const bad of [
        { period: '2024-Q5' },
        { period: '2024-13' },
        { kind: 'guess' },
        { value: 'high' },
        { persons: 2.5 },
        { denominator: 0 },
      ]) {
        await expectRefused(post(bad), 400);
      }
      const unsupported = await expectRefused(post({ cell: 'born:abroad' }), 422);
      expect(unsupported.body.errors).toEqual([
        { field: 'cell', message: expect.stringMatching(/not broken down by born/) },
      ]);
      await expectRefused(post({ cell: 'colour:red' }), 422);
      await expectRefused(post({ cell: 'sex:other' }), 422);
      const half = await expectRefused(post({ numerator: 5 }), 422);
      expect(half.body.errors).toEqual([{ field: 'denominator', message: expect.stringMatching(/together/) }]);
      const wrong = await expectRefused(post({ numerator: 1, denominator: 3 }), 422);
      expect(wrong.body.errors).toEqual([{ field: 'value', message: expect.stringMatching(/33.3333/) }]);
      await expectRefused(
        () =>
          ownStaff
            .post(api(`/indicators/${UNKNOWN_ID}/measurements`))
            .send({ kind: 'measurement', period: '2024', value: 1 }),
        404,
      );
    });

    it.each([
      ['staff of the owning department', () => ownStaff, 201],
      ['the owning department head', () => ownHead, 201],
      ['another department head', () => otherHead, 403],
      ['leadership', () => leadership, 403],
      ['an auditor', () => auditor, 403],
    ])('should let %s record values: %s', async (_who, as, status) => {
      const ind = await indicator();
      for (const path of ['measurements', 'targets']) {
        const send = () =>
          as()
            .post(api(`/indicators/${ind.id}/${path}`))
            .send({ ...(path === 'measurements' ? { kind: 'measurement' } : {}), period: '2024', value: 50 });
        if (status === 201) expect((await send()).status).toBe(201);
        else await expectRefused(send, 403);
      }
    });
  });

  describe('series', () => {
    it('should give baseline, actuals and progress of a rising indicator, and the gaps of the latest period', async () => {
      const ind = await indicator();
      const post = (body: object) => ownStaff.post(api(`/indicators/${ind.id}/measurements`)).send(body);
      for (const body of [
        { kind: 'baseline', period: '2023', value: 60 },
        { kind: 'target', period: '2026', value: 70 },
        { kind: 'measurement', period: '2024', value: 62 },
        { kind: 'measurement', period: '2025-H1', value: 64 },
        { kind: 'measurement', period: '2025-H1', cell: 'sex:women', value: 66 },
        { kind: 'measurement', period: '2025-H1', cell: 'sex:men', value: 61.5 },
        { kind: 'measurement', period: '2025-H1', cell: 'born:abroad', value: 48, persons: 3 },
        { kind: 'measurement', period: '2025-H1', cell: 'born:sweden', value: 70, persons: 200 },
      ]) {
        expect((await post(body)).status).toBe(201);
      }

      const res = await ownStaff.get(api(`/indicators/${ind.id}/series`));
      expect(res.status).toBe(200);
      expect(res.body.indicator).toEqual(expect.objectContaining({ id: ind.id, direction: 'increase' }));
      expect(res.body.cells.map((c: { cell: string }) => c.cell)).toEqual([
        'all',
        'born:abroad',
        'born:sweden',
        'sex:men',
        'sex:women',
      ]);
      expect(res.body.cells[0]).toEqual({
        cell: 'all',
        baseline: { period: '2023', value: 60, suppressed: false },
        latest: { period: '2025-H1', value: 64, suppressed: false },
        actuals: [
          { period: '2024', value: 62, suppressed: false },
          { period: '2025-H1', value: 64, suppressed: false },
        ],
        // (64 − 60) / (70 − 60) = 0.4
        targets: [{ period: '2026', value: 70, suppressed: false, progress: 0.4, achieved: false }],
        sweden: [],
      });
      expect(res.body.gaps).toEqual([
        { breakdown: 'sex', minuend: 'sex:women', subtrahend: 'sex:men', period: '2025-H1', gap: 4.5 },
        { breakdown: 'born', minuend: 'born:abroad', subtrahend: 'born:sweden', period: '2025-H1', gap: -22 },
      ]);

      // Outside the owning department the value on 3 persons is withheld, and so is the gap it would give away.
      for (const viewer of [otherHead, leadership, auditor]) {
        const seen = await viewer.get(api(`/indicators/${ind.id}/series`));
        expect(seen.body.cells[1].actuals).toEqual([{ period: '2025-H1', value: null, suppressed: true }]);
        expect(seen.body.gaps[1]).toEqual(expect.objectContaining({ breakdown: 'born', gap: null }));
        const values = await viewer.get(api(`/indicators/${ind.id}/measurements`)).query({ kind: 'measurement' });
        expect(values.body.items).toContainEqual(
          expect.objectContaining({
            cell: 'born:abroad',
            value: null,
            numerator: null,
            denominator: null,
            persons: null,
            suppressed: true,
          }),
        );
      }
      const admin = await t.admin.get(api(`/indicators/${ind.id}/series`));
      expect(admin.body.cells[1].actuals).toEqual([{ period: '2025-H1', value: 48, suppressed: false }]);
    });

    it('should count a fall toward a lower target as progress for a falling indicator', async () => {
      const ind = await indicator({
        name: 'Unga 16–24 som varken arbetar eller studerar, andel (%)',
        direction: 'decrease',
        breakdowns: [],
      });
      await givenIndicatorValue(t.dataSource, ind.id, '2023', 12, { kind: 'baseline' });
      await givenIndicatorValue(t.dataSource, ind.id, '2025', 10, { kind: 'target' });
      await givenIndicatorValue(t.dataSource, ind.id, '2027', 8, { kind: 'target' });
      await givenIndicatorValue(t.dataSource, ind.id, '2025', 9.5);
      await givenIndicatorValue(t.dataSource, ind.id, '2024', 11.5);

      const res = await auditor.get(api(`/indicators/${ind.id}/series`));
      expect(res.body.cells).toEqual([
        {
          cell: 'all',
          baseline: { period: '2023', value: 12, suppressed: false },
          latest: { period: '2025', value: 9.5, suppressed: false },
          actuals: [
            { period: '2024', value: 11.5, suppressed: false },
            { period: '2025', value: 9.5, suppressed: false },
          ],
          targets: [
            // (9.5 − 12) / (10 − 12) = 1.25: past the 2025 target; (9.5 − 12) / (8 − 12) = 0.625 of the way to 2027's
            { period: '2025', value: 10, suppressed: false, progress: 1.25, achieved: true },
            { period: '2027', value: 8, suppressed: false, progress: 0.625, achieved: false },
          ],
          sweden: [],
        },
      ]);
      expect(res.body.gaps).toEqual([]);
    });

    it('should answer 404 for an unknown indicator', async () => {
      expectProblem(await auditor.get(api(`/indicators/${UNKNOWN_ID}/series`)), 404);
    });
  });

  describe('CSV import', () => {
    const csv = (agent: TestAgent, id: string, text: string) =>
      agent
        .post(api(`/indicators/${id}/measurements/import`))
        .set('Content-Type', 'text/csv')
        .send(text);

    it('should write every line in one go and audit each value', async () => {
      const ind = await indicator();
      const text = [
        CSV_HEADER,
        '2023,all,baseline,60,600,1000,1000',
        '2024,,measurement,62,,,',
        '2024,"born:abroad,sex:women",measurement,51.5,,,40',
        '',
        '2026,all,target,70,,,',
      ].join('\n');
      const res = await csv(ownStaff, ind.id, text);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ written: 4 });
      const values = await auditor.get(api(`/indicators/${ind.id}/measurements`));
      expect(
        values.body.items.map((v: { period: string; cell: string; kind: string; value: number }) => [
          v.period,
          v.cell,
          v.kind,
          v.value,
        ]),
      ).toEqual([
        ['2023', 'all', 'baseline', 60],
        ['2024', 'all', 'measurement', 62],
        ['2024', 'sex:women,born:abroad', 'measurement', 51.5],
        ['2026', 'all', 'target', 70],
      ]);
      const audited: { n: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'indicator_value' AND entity_id = ANY($1::text[])`,
        [values.body.items.map((v: { id: string }) => v.id)],
      );
      expect(audited[0].n).toBe(4);
    });

    it('should refuse the whole file with an error per bad line, writing nothing', async () => {
      const ind = await indicator({ breakdowns: ['sex'] });
      const text = [
        CSV_HEADER,
        '2024,all,measurement,62,,,', // line 2: fine
        '2024-Q5,all,measurement,62,,,', // 3: bad period
        '2024,born:abroad,measurement,50,,,', // 4: unsupported breakdown
        '2024,all,measurement,high,,,', // 5: not a number
        '2024,all,measurement,50,1,3,', // 6: share does not add up
        '2024,all,measurement,62,,,', // 7: repeats line 2
        '2024,all,measurement', // 8: too few fields
        '2024,"all,measurement,1,,,', // 9: unclosed quote
      ].join('\n');
      const res = await expectRefused(() => csv(ownStaff, ind.id, text), 422);
      expect(res.body.detail).toMatch(/7 errors; nothing was imported/);
      expect(res.body.errors).toEqual([
        { field: 'lines[3].period', message: expect.stringMatching(/year, half, quarter or month/) },
        { field: 'lines[4].cell', message: expect.stringMatching(/not broken down by born/) },
        { field: 'lines[5].value', message: expect.stringMatching(/number/) },
        { field: 'lines[6].value', message: expect.stringMatching(/33.3333/) },
        { field: 'lines[7]', message: 'repeats line 2 (same period, cell and kind)' },
        { field: 'lines[8]', message: 'has 3 fields, not 7' },
        { field: 'lines[9]', message: 'a quoted field is not closed' },
      ]);
    });

    it('should refuse a file that repeats stored values (409), a wrong header, a body that is not CSV, and strangers, writing nothing', async () => {
      const ind = await indicator();
      await givenIndicatorValue(t.dataSource, ind.id, '2024', 62);
      const conflict = await expectRefused(
        () => csv(ownStaff, ind.id, `${CSV_HEADER}\n2025,all,measurement,63,,,\n2024,all,measurement,62,,,`),
        409,
      );
      expect(conflict.body.errors).toEqual([{ field: 'lines[3]', message: expect.stringMatching(/already recorded/) }]);
      const header = await expectRefused(
        () => csv(ownStaff, ind.id, 'period;cell;kind;value\n2025;all;measurement;63'),
        422,
      );
      expect(header.body.errors).toEqual([
        { field: 'lines[1]', message: expect.stringMatching(/first line must name the columns/) },
      ]);
      await expectRefused(
        () => ownStaff.post(api(`/indicators/${ind.id}/measurements/import`)).send({ period: '2025' }),
        400,
      );
      await expectRefused(() => csv(otherHead, ind.id, `${CSV_HEADER}\n2025,all,measurement,63,,,`), 403);
      await expectRefused(() => csv(leadership, ind.id, `${CSV_HEADER}\n2025,all,measurement,63,,,`), 403);
    });
  });
});
