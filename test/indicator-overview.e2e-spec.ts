import { givenDepartment, uniqueCode } from './support/factories.js';
import { givenIndicator, givenIndicatorValue } from './support/indicator-factories.js';
import { statementsDuring } from './support/sql-statements.js';
import { api, createTestApp, expectProblem, type TestAgent, type TestApp } from './support/test-app.js';

type Overview = {
  items: { indicator: { id: string; code: string }; series: Record<string, unknown> }[];
  total: number;
  limit: number;
  offset: number;
};

describe('GET /indicators/overview', () => {
  let t: TestApp;
  let leadership: TestAgent;
  let ownHead: TestAgent;
  const codes: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const own = await givenDepartment(ds);
    leadership = await t.as({ role: 'leadership' });
    ownHead = await t.as({ role: 'department_head', department: own.code });
    // A rising share with a baseline, two targets, measurements in two cells, one resting on 3 persons, and Sweden's.
    const rising = await givenIndicator(ds, own.id, { code: uniqueCode('OV-A') });
    await givenIndicatorValue(ds, rising.id, '2022', 40, { kind: 'baseline' });
    await givenIndicatorValue(ds, rising.id, '2023', 44);
    await givenIndicatorValue(ds, rising.id, '2024', 50, { persons: 3 });
    await givenIndicatorValue(ds, rising.id, '2024', 55, { cell: 'sex:women' });
    await givenIndicatorValue(ds, rising.id, '2024', 61, { area: 'sweden' });
    await givenIndicatorValue(ds, rising.id, '2026', 60, { kind: 'target' });
    await givenIndicatorValue(ds, rising.id, '2030', 80, { kind: 'target' });
    // A falling rate with its baseline and one measurement; and one with no values at all.
    const falling = await givenIndicator(ds, own.id, {
      code: uniqueCode('OV-B'),
      direction: 'decrease',
      unit: 'per_1000',
    });
    await givenIndicatorValue(ds, falling.id, '2022', 12, { kind: 'baseline' });
    await givenIndicatorValue(ds, falling.id, '2024', 11);
    await givenIndicatorValue(ds, falling.id, '2027', 8, { kind: 'target' });
    const empty = await givenIndicator(ds, own.id, { code: uniqueCode('OV-C') });
    codes.push(rising.code, falling.code, empty.code);
  });
  afterAll(() => t.close());

  const overview = async (agent: TestAgent, query = '') => {
    const res = await agent.get(api(`/indicators/overview${query}`));
    expect(res.status).toBe(200);
    return res.body as Overview;
  };
  const allCell = async (agent: TestAgent, id: string) => {
    const res = await agent.get(api(`/indicators/${id}/series`));
    return (res.body.cells as { cell: string }[]).find((c) => c.cell === 'all') ?? null;
  };

  it('should give each indicator, by code, the cell `all` of its series as GET /indicators/{id}/series gives it, for each viewer', async () => {
    for (const agent of [leadership, ownHead]) {
      const page = await overview(agent);
      expect(page.items.map((i) => i.indicator.code)).toEqual([...codes].sort());
      for (const item of page.items) {
        const expected = await allCell(agent, item.indicator.id);
        if (expected) expect(item.series).toEqual(expected);
      }
    }
  });

  it('should suppress a value on fewer than 5 persons and reckon progress from what the viewer may see', async () => {
    const rising = (await overview(leadership)).items.find((i) => i.indicator.code === codes[0])!;
    expect(rising.series).toEqual(
      expect.objectContaining({
        baseline: { period: '2022', value: 40, suppressed: false },
        latest: { period: '2024', value: null, suppressed: true },
        sweden: [{ period: '2024', value: 61 }],
      }),
    );
    expect(rising.series.targets).toEqual([
      { period: '2026', value: 60, suppressed: false, progress: null, achieved: null },
      { period: '2030', value: 80, suppressed: false, progress: null, achieved: null },
    ]);
    // The owning department sees the small count, and its progress: (50 − 40) / (60 − 40).
    const own = (await overview(ownHead)).items.find((i) => i.indicator.code === codes[0])!;
    expect(own.series.latest).toEqual({ period: '2024', value: 50, suppressed: false });
    expect((own.series.targets as { progress: number }[])[0].progress).toBe(0.5);
  });

  it('should reckon progress for a falling indicator, and answer an indicator without values with an empty series', async () => {
    const items = (await overview(leadership)).items;
    const falling = items.find((i) => i.indicator.code === codes[1])!;
    // (11 − 12) / (8 − 12) = 0.25, not yet achieved.
    expect(falling.series.targets).toEqual([
      { period: '2027', value: 8, suppressed: false, progress: 0.25, achieved: false },
    ]);
    const empty = items.find((i) => i.indicator.code === codes[2])!;
    expect(empty.series).toEqual({ cell: 'all', baseline: null, latest: null, targets: [], actuals: [], sweden: [] });
  });

  it('should page by code, and read no more statements for three indicators than for one', async () => {
    const second = await overview(leadership, '?limit=1&offset=1');
    expect(second).toEqual(expect.objectContaining({ total: 3, limit: 1, offset: 1 }));
    expect(second.items.map((i) => i.indicator.code)).toEqual([[...codes].sort()[1]]);

    const one = await statementsDuring(t.dataSource, () => overview(leadership, '?limit=1'));
    const three = await statementsDuring(t.dataSource, () => overview(leadership));
    expect(three.length).toBeLessThanOrEqual(one.length);
    expect(three.filter((s) => /indicator_values/.test(s))).toHaveLength(1);
  });

  it.each([
    ['a limit of 0', '?limit=0', 'limit'],
    ['an unknown parameter', '?cell=all', 'cell'],
  ])('should refuse %s with 400 problem+json naming the field', async (_case, query, field) => {
    const res = await leadership.get(api(`/indicators/overview${query}`));

    expectProblem(res, 400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
