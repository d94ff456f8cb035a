import type { FollowUpPlan, InitiativeEntity } from '#portfolio';
import type { IndicatorEntity } from '#results';
import type { DepartmentEntity } from '#reference-data';
import { givenRound, givenStatusReport } from './support/follow-up-factories.js';
import { givenDepartment, givenInitiative } from './support/factories.js';
import { givenIndicator, givenIndicatorValue } from './support/indicator-factories.js';
import { statementsDuring } from './support/sql-statements.js';
import { api, createTestApp, type TestAgent, type TestApp } from './support/test-app.js';

const plan = (indicatorIds: string[]): FollowUpPlan => ({
  method: 'Lägesrapport',
  frequency: 'quarterly',
  responsible: 'Processägaren',
  firstReportDue: null,
  indicatorIds,
});

describe('Status reports: indicator values for the round’s period', () => {
  let t: TestApp;
  let own: DepartmentEntity;
  let ownHead: TestAgent;
  let otherHead: TestAgent;
  let leadership: TestAgent;
  let employment: IndicatorEntity;
  let neet: IndicatorEntity;
  let initiative: InitiativeEntity;

  beforeAll(async () => {
    t = await createTestApp();
    own = await givenDepartment(t.dataSource, { name: 'Arbetsmarknads- och socialförvaltningen' });
    const other = await givenDepartment(t.dataSource, { name: 'Kultur- och fritidsförvaltningen' });
    ownHead = await t.as({ role: 'department_head', department: own.code });
    otherHead = await t.as({ role: 'department_head', department: other.code });
    leadership = await t.as({ role: 'leadership' });

    employment = await givenIndicator(t.dataSource, own.id, {
      name: 'Andel deltagare i arbete eller studier',
      unit: 'percent',
      direction: 'increase',
    });
    neet = await givenIndicator(t.dataSource, own.id, {
      name: 'Unga som varken arbetar eller studerar',
      unit: 'count',
      direction: 'decrease',
      breakdowns: [],
    });
    const value = (ind: IndicatorEntity, period: string, v: number, overrides = {}) =>
      givenIndicatorValue(t.dataSource, ind.id, period, v, overrides);
    // Within 2025-H1: a month, a quarter and the half itself, and a small count (3 persons) for women.
    await value(employment, '2025-03', 60);
    await value(employment, '2025-Q1', 61);
    await value(employment, '2025-H1', 62, { persons: 120 });
    await value(employment, '2025-H1', 48, { cell: 'sex:women', persons: 3 });
    // Outside 2025-H1 (before, after, longer), and a baseline and a target, which are not measurements.
    await value(employment, '2024', 58);
    await value(employment, '2025-Q3', 66);
    await value(employment, '2025', 65);
    await value(employment, '2025-H1', 50, { kind: 'baseline' });
    await value(employment, '2025-H1', 70, { kind: 'target' });
    await value(neet, '2025-05', 140);
    await value(neet, '2025-05', 9800, { area: 'sweden' });
    await value(neet, '2025-07', 130);

    // The plan names the falling indicator first: the report keeps the plan's order.
    initiative = await givenInitiative(t.dataSource, {
      status: 'active',
      leadDepartmentId: own.id,
      followUpPlan: plan([neet.id, employment.id]),
    });
  });
  afterAll(() => t.close());

  async function reportFor(period: string, initiativeId = initiative.id) {
    const round = await givenRound(t.dataSource, { period });
    return givenStatusReport(t.dataSource, round.id, initiativeId, { departmentId: own.id });
  }

  const header = (ind: IndicatorEntity) => ({
    indicatorId: ind.id,
    code: ind.code,
    name: ind.name,
    unit: ind.unit,
    direction: ind.direction,
  });

  it('should show the measurements within the round’s half year, by cell and latest first, for the indicators the plan names', async () => {
    const report = await reportFor('2025-H1');

    const res = await ownHead.get(api(`/status-reports/${report.id}`));

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual(expect.objectContaining({ id: report.id, status: 'pending', version: 1 }));
    // The round as a reader needs it, not the whole record (scope, job run).
    expect(Object.keys(res.body.round).sort()).toEqual(['dueDate', 'id', 'period', 'title']);
    expect(res.body.indicators).toEqual([
      {
        ...header(neet),
        // Sweden's figure as stored, beside the municipality's.
        values: [
          { cell: 'all', area: 'municipality', period: '2025-05', value: 140, persons: null, suppressed: false },
          { cell: 'all', area: 'sweden', period: '2025-05', value: 9800, persons: null, suppressed: false },
        ],
      },
      {
        ...header(employment),
        values: [
          { cell: 'all', area: 'municipality', period: '2025-H1', value: 62, persons: 120, suppressed: false },
          { cell: 'all', area: 'municipality', period: '2025-Q1', value: 61, persons: null, suppressed: false },
          { cell: 'all', area: 'municipality', period: '2025-03', value: 60, persons: null, suppressed: false },
          // The owning department sees the value on 3 persons.
          { cell: 'sex:women', area: 'municipality', period: '2025-H1', value: 48, persons: 3, suppressed: false },
        ],
      },
    ]);
  });

  it('should take everything within the year for a yearly round', async () => {
    const report = await reportFor('2025');

    const res = await ownHead.get(api(`/status-reports/${report.id}`));

    const [neetShown, employmentShown] = res.body.indicators;
    expect(neetShown.values.map((v: { period: string }) => v.period)).toEqual(['2025-07', '2025-05', '2025-05']);
    expect(employmentShown.values.map((v: { cell: string; period: string }) => `${v.cell} ${v.period}`)).toEqual([
      'all 2025',
      'all 2025-Q3',
      'all 2025-H1',
      'all 2025-Q1',
      'all 2025-03',
      'sex:women 2025-H1',
    ]);
  });

  it('should suppress a value on fewer than 5 persons for viewers outside the owning department, as the series does', async () => {
    const report = await reportFor('2025-H1');

    for (const viewer of [otherHead, leadership]) {
      const res = await viewer.get(api(`/status-reports/${report.id}`));
      const values = res.body.indicators[1].values;
      expect(values).toContainEqual({
        cell: 'sex:women',
        area: 'municipality',
        period: '2025-H1',
        value: null,
        persons: null,
        suppressed: true,
      });
      expect(values).toContainEqual({
        cell: 'all',
        area: 'municipality',
        period: '2025-H1',
        value: 62,
        persons: 120,
        suppressed: false,
      });
    }
    const admin = await t.admin.get(api(`/status-reports/${report.id}`));
    expect(admin.body.indicators[1].values).toContainEqual({
      cell: 'sex:women',
      area: 'municipality',
      period: '2025-H1',
      value: 48,
      persons: 3,
      suppressed: false,
    });
  });

  it('should answer an empty list for an initiative whose plan names no indicators', async () => {
    const planless = await givenInitiative(t.dataSource, {
      status: 'active',
      leadDepartmentId: own.id,
      followUpPlan: plan([]),
    });
    const report = await reportFor('2025-H1', planless.id);

    const res = await ownHead.get(api(`/status-reports/${report.id}`));

    expect(res.status).toBe(200);
    expect(res.body.indicators).toEqual([]);
  });

  it('should list reports with their indicators in as many statements for a page of five as for one', async () => {
    const round = await givenRound(t.dataSource, { period: '2025-H1' });
    const single = await givenRound(t.dataSource, { period: '2025-H1' });
    await givenStatusReport(t.dataSource, single.id, initiative.id, { departmentId: own.id });
    await givenStatusReport(t.dataSource, round.id, initiative.id, { departmentId: own.id });
    for (let i = 0; i < 4; i++) {
      const another = await givenInitiative(t.dataSource, {
        status: 'active',
        leadDepartmentId: own.id,
        followUpPlan: plan(i % 2 ? [employment.id] : []),
      });
      await givenStatusReport(t.dataSource, round.id, another.id, { departmentId: own.id });
    }
    const listOf = (roundId: string) => otherHead.get(api('/status-reports')).query({ roundId });

    let one!: { body: { items: { initiativeId: string; indicators: { values: unknown[] }[] }[] } };
    let five!: typeof one;
    const forOne = await statementsDuring(t.dataSource, async () => (one = await listOf(single.id)));
    const forFive = await statementsDuring(t.dataSource, async () => (five = await listOf(round.id)));

    expect(five.body.items).toHaveLength(5);
    expect(forFive.length).toBe(forOne.length);
    expect(one.body.items[0].indicators).toHaveLength(2);
    expect(five.body.items.map((r) => r.indicators.length).sort()).toEqual([0, 0, 1, 1, 2]);
    const mine = five.body.items.find((r) => r.initiativeId === initiative.id)!;
    expect(mine.indicators[1].values).toContainEqual({
      cell: 'sex:women',
      area: 'municipality',
      period: '2025-H1',
      value: null,
      persons: null,
      suppressed: true,
    });
  });
});
