import type { DataSource } from 'typeorm';
import { givenDepartment, givenGoal, givenInitiative, uniqueCode } from './support/factories.js';
import { givenIndicator, givenIndicatorValue } from './support/indicator-factories.js';
import { givenEffectNode } from './support/results-factories.js';
import { statementsDuring } from './support/sql-statements.js';
import { api, createTestApp, expectProblem, request, rowCounts, type TestApp } from './support/test-app.js';

type FigureNode = {
  id: string;
  code: string;
  parentId: string | null;
  initiatives: number;
  annualCostSek: number;
  initiativesWithoutAnnualCost: number;
  directInitiatives: number;
  indicators: {
    code: string;
    latest: { period: string; value: number } | null;
    previous: { period: string; value: number } | null;
    trend: string | null;
  }[];
  children: FigureNode[];
};
type Figures = Pick<FigureNode, 'initiatives' | 'annualCostSek' | 'initiativesWithoutAnnualCost' | 'directInitiatives'>;

const flatten = (nodes: FigureNode[]): FigureNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const figuresOf = (n: FigureNode): Figures => ({
  initiatives: n.initiatives,
  annualCostSek: n.annualCostSek,
  initiativesWithoutAnnualCost: n.initiativesWithoutAnnualCost,
  directInitiatives: n.directInitiatives,
});

/** Agenda 2030 → priority goal → priority area → two sub-goals, and a second root with nothing under it. */
async function givenTree(ds: DataSource) {
  const agenda = await givenGoal(ds, { code: uniqueCode('GT-A'), level: 'agenda2030', framework: 'Agenda 2030' });
  const mrp = await givenGoal(ds, {
    code: uniqueCode('GT-M'),
    level: 'priority_goal',
    framework: 'MRP 2024–2027',
    parentId: agenda.id,
  });
  const area = await givenGoal(ds, { code: uniqueCode('GT-P'), level: 'priority_area', parentId: mrp.id });
  const sub1 = await givenGoal(ds, { code: uniqueCode('GT-S'), level: 'sub_goal', parentId: area.id });
  const sub2 = await givenGoal(ds, { code: uniqueCode('GT-S'), level: 'sub_goal', parentId: area.id });
  const lonely = await givenGoal(ds, { code: uniqueCode('GT-L'), level: 'agenda2030', framework: 'Agenda 2030' });
  return { agenda, mrp, area, sub1, sub2, lonely };
}

describe('GET /portfolio/goal-tree', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof givenTree>>;
  let departmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    departmentId = (await givenDepartment(ds)).id;
    tree = await givenTree(ds);
    // I1 on one sub-goal; I2 on both sub-goals (once on the area above them); I3 on the area, without a cost;
    // I4, a draft, on a sub-goal: left out when only active initiatives are asked for.
    await givenInitiative(
      ds,
      { status: 'active', leadDepartmentId: departmentId, annualCostSek: 100_000 },
      { goalIds: [tree.sub1.id] },
    );
    await givenInitiative(
      ds,
      { status: 'active', leadDepartmentId: departmentId, annualCostSek: 200_000 },
      { goalIds: [tree.sub1.id, tree.sub2.id] },
    );
    await givenInitiative(
      ds,
      { status: 'active', leadDepartmentId: departmentId, annualCostSek: null },
      { goalIds: [tree.area.id] },
    );
    await givenInitiative(
      ds,
      { status: 'draft', leadDepartmentId: departmentId, annualCostSek: 7_000 },
      { goalIds: [tree.sub2.id] },
    );
  });
  afterAll(() => t.close());

  const goalTree = async (query = '') => {
    const res = await t.admin.get(api(`/portfolio/goal-tree${query}`));
    expect(res.status).toBe(200);
    return res.body as FigureNode[];
  };
  const byId = async (query = '') => new Map(flatten(await goalTree(query)).map((n) => [n.id, n]));

  it('should count each initiative once per goal over its subtree, with their annual cost, when initiatives link at several levels', async () => {
    const nodes = await byId();

    expect(figuresOf(nodes.get(tree.sub1.id)!)).toEqual({
      initiatives: 2,
      annualCostSek: 300_000,
      initiativesWithoutAnnualCost: 0,
      directInitiatives: 2,
    });
    expect(figuresOf(nodes.get(tree.sub2.id)!)).toEqual({
      initiatives: 2,
      annualCostSek: 207_000,
      initiativesWithoutAnnualCost: 0,
      directInitiatives: 2,
    });
    // I2 reaches the area through both sub-goals and counts once.
    const above = { initiatives: 4, annualCostSek: 307_000, initiativesWithoutAnnualCost: 1 };
    expect(figuresOf(nodes.get(tree.area.id)!)).toEqual({ ...above, directInitiatives: 1 });
    expect(figuresOf(nodes.get(tree.mrp.id)!)).toEqual({ ...above, directInitiatives: 0 });
    expect(figuresOf(nodes.get(tree.agenda.id)!)).toEqual({ ...above, directInitiatives: 0 });
    expect(figuresOf(nodes.get(tree.lonely.id)!)).toEqual({
      initiatives: 0,
      annualCostSek: 0,
      initiativesWithoutAnnualCost: 0,
      directInitiatives: 0,
    });
  });

  it('should nest the goals as GET /goals/tree does, by level then code', async () => {
    const plain = (await t.admin.get(api('/goals/tree'))).body as FigureNode[];
    const shape = (nodes: FigureNode[]): unknown[] => nodes.map((n) => ({ id: n.id, children: shape(n.children) }));

    expect(shape(await goalTree())).toEqual(shape(plain));
  });

  it('should count only the initiatives the list filters choose, when filtered by status', async () => {
    const nodes = await byId('?status=active');

    expect(figuresOf(nodes.get(tree.sub2.id)!)).toEqual({
      initiatives: 1,
      annualCostSek: 200_000,
      initiativesWithoutAnnualCost: 0,
      directInitiatives: 1,
    });
    expect(nodes.get(tree.agenda.id)!.initiatives).toBe(3);
    expect(nodes.get(tree.agenda.id)!.annualCostSek).toBe(300_000);
  });

  it('should raise the count and cost on the sub-goal and every goal above it, and nowhere else, when an initiative is created on the sub-goal', async () => {
    const before = await byId();
    const created = await t.admin.post(api('/initiatives')).send({
      code: uniqueCode('GT-NY'),
      title: 'Ny insats under delmålet',
      kind: 'project',
      leadDepartmentId: departmentId,
      goalIds: [tree.sub2.id],
      annualCostSek: 50_000,
    });
    expect(created.status).toBe(201);

    const after = await byId();
    const raised = [tree.sub2.id, tree.area.id, tree.mrp.id, tree.agenda.id];
    for (const [id, node] of after) {
      const was = before.get(id)!;
      const rise = raised.includes(id) ? 1 : 0;
      expect({ id, initiatives: node.initiatives, annualCostSek: node.annualCostSek }).toEqual({
        id,
        initiatives: was.initiatives + rise,
        annualCostSek: was.annualCostSek + rise * 50_000,
      });
    }
  });

  it('should equal a count from scratch over the goal tree and the initiative list, for every goal', async () => {
    const plain = (await t.admin.get(api('/goals/tree'))).body as FigureNode[];
    const listed: { id: string; goalIds: string[]; annualCostSek: number | null }[] = [];
    for (let offset = 0; offset < 10_000; offset += 200) {
      const page = await t.admin.get(api(`/initiatives?limit=200&offset=${offset}`));
      listed.push(...page.body.items);
      if (listed.length >= page.body.total) break;
    }
    const subtree = (node: FigureNode): string[] => [node.id, ...node.children.flatMap(subtree)];
    const expected = flatten(plain).map((node) => {
      const goals = new Set(subtree(node));
      const under = listed.filter((i) => i.goalIds.some((g) => goals.has(g)));
      return {
        id: node.id,
        initiatives: under.length,
        annualCostSek: under.reduce((sum, i) => sum + (i.annualCostSek ?? 0), 0),
        initiativesWithoutAnnualCost: under.filter((i) => i.annualCostSek === null).length,
        directInitiatives: listed.filter((i) => i.goalIds.includes(node.id)).length,
      };
    });

    const actual = flatten(await goalTree()).map((n) => ({ id: n.id, ...figuresOf(n) }));
    expect(actual).toEqual(expected);
    expect(expected.some((e) => e.initiatives > 0)).toBe(true);
    // A goal's count is the total of the initiative list filtered by it.
    const list = await t.admin.get(api(`/initiatives?goalId=${tree.mrp.id}&limit=1`));
    expect(list.body.total).toBe(actual.find((n) => n.id === tree.mrp.id)!.initiatives);
  });

  it("should name the indicators of the goal's own chain with their last two measurements and trend, leaving out small counts and Sweden", async () => {
    const ds = t.dataSource;
    const outcome = await givenEffectNode(ds, { goalId: tree.area.id }, 'long_term_outcome');
    const impact = await givenEffectNode(ds, { goalId: tree.area.id }, 'impact');
    const rising = await givenIndicator(ds, departmentId, { code: uniqueCode('GT-I1'), direction: 'increase' });
    const falling = await givenIndicator(ds, departmentId, { code: uniqueCode('GT-I2'), direction: 'decrease' });
    const single = await givenIndicator(ds, departmentId, { code: uniqueCode('GT-I3') });
    const link = (nodeId: string, indicatorId: string) =>
      ds.query(`INSERT INTO indicator_effect_nodes (effect_node_id, indicator_id) VALUES ($1, $2)`, [
        nodeId,
        indicatorId,
      ]);
    await link(outcome.id, rising.id);
    await link(impact.id, rising.id);
    await link(outcome.id, falling.id);
    await link(impact.id, single.id);
    await givenIndicatorValue(ds, rising.id, '2022', 10);
    await givenIndicatorValue(ds, rising.id, '2023', 12);
    await givenIndicatorValue(ds, rising.id, '2024', 5, { persons: 3 }); // fewer than 5 persons: not used
    await givenIndicatorValue(ds, rising.id, '2025', 99, { area: 'sweden' });
    await givenIndicatorValue(ds, rising.id, '2025', 99, { cell: 'sex:women' });
    await givenIndicatorValue(ds, rising.id, '2026', 1, { kind: 'target' });
    await givenIndicatorValue(ds, falling.id, '2023-H2', 8);
    await givenIndicatorValue(ds, falling.id, '2024-H1', 9);
    await givenIndicatorValue(ds, single.id, '2024', 40);

    const nodes = await byId();
    const indicators = nodes.get(tree.area.id)!.indicators;

    expect(indicators.map((i) => i.code)).toEqual([rising.code, falling.code, single.code].sort());
    const of = (code: string) => indicators.find((i) => i.code === code);
    expect(of(rising.code)).toEqual(
      expect.objectContaining({
        latest: { period: '2023', value: 12 },
        previous: { period: '2022', value: 10 },
        trend: 'improving',
      }),
    );
    expect(of(falling.code)).toEqual(
      expect.objectContaining({
        latest: { period: '2024-H1', value: 9 },
        previous: { period: '2023-H2', value: 8 },
        trend: 'worsening',
      }),
    );
    expect(of(single.code)).toEqual(
      expect.objectContaining({ latest: { period: '2024', value: 40 }, previous: null, trend: null }),
    );
    // A chain's indicators are its own goal's, not rolled up.
    expect(nodes.get(tree.mrp.id)!.indicators).toEqual([]);
  });

  it('should compute the whole tree in one statement, however many goals and initiatives', async () => {
    const goalQueries = (statements: string[]) => statements.filter((s) => /initiative_goals/.test(s));
    const small = await statementsDuring(t.dataSource, () => goalTree());
    for (let n = 0; n < 5; n++) {
      const extra = await givenGoal(t.dataSource, { level: 'sub_goal', parentId: tree.area.id });
      await givenInitiative(
        t.dataSource,
        { leadDepartmentId: departmentId, annualCostSek: 1_000 },
        { goalIds: [extra.id] },
      );
    }
    const large = await statementsDuring(t.dataSource, () => goalTree());

    expect(goalQueries(small)).toHaveLength(1);
    expect(large).toHaveLength(small.length);
  });

  it.each([
    ['an unknown status', '?status=paused', 'status'],
    ['a goal id that is no UUID', '?goalId=FP-3', 'goalId'],
    ['an unknown parameter', '?limit=5', 'limit'],
  ])('should refuse %s with 400 problem+json naming the field, and change nothing', async (_case, query, field) => {
    const before = await rowCounts(t.dataSource, ['goals', 'initiatives', 'initiative_goals']);
    const res = await t.admin.get(api(`/portfolio/goal-tree${query}`));

    expectProblem(res, 400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await rowCounts(t.dataSource, ['goals', 'initiatives', 'initiative_goals'])).toEqual(before);
  });

  it('should answer 401 problem+json without a token', async () => {
    expectProblem(await request(t.http).get(api('/portfolio/goal-tree')), 401);
  });
});
