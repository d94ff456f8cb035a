import type { GoalLevel } from '#goals';
import { givenGoal, uniqueCode } from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestApp } from './support/test-app.js';

type Goal = { id: string; code: string; level: GoalLevel; framework: string; parentId: string | null };
type TreeNode = Goal & { children: TreeNode[] };

const MRP = 'MRP 2024–2027';
const ROADMAP = 'Färdplan för social hållbarhet';

describe('Goals', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) => t.admin.post(api('/goals')).send(body);
  const read = async (id: string) =>
    (await t.admin.get(api(`/goals/${id}`))).body as Goal & { version: number; title: string };

  it('should build the tree top down through every level when each child sits below its parent', async () => {
    const levels = ['agenda2030', 'focus_area', 'priority_goal', 'committee_goal', 'priority_area', 'sub_goal'];
    const created: Goal[] = [];

    for (const level of levels) {
      const res = await post({
        code: uniqueCode('TD'),
        title: `Mål på nivån ${level}`,
        level,
        framework: level === 'priority_area' || level === 'sub_goal' ? ROADMAP : MRP,
        parentId: created.at(-1)?.id ?? null,
        validFrom: '2024-01-01',
      });
      expect(res.status).toBe(201);
      created.push(res.body);
    }

    expect(created.map((g) => g.parentId)).toEqual([null, ...created.slice(0, -1).map((g) => g.id)]);
    const leaf = await t.admin.get(api(`/goals/${created[5].id}`));
    expect(leaf.headers.etag).toBe('"1"');
    expect(leaf.body).toMatchObject({
      level: 'sub_goal',
      framework: ROADMAP,
      validFrom: '2024-01-01',
      validTo: null,
      description: null,
      version: 1,
    });
  });

  it('should let a child skip levels when it still sits below its parent', async () => {
    const root = await givenGoal(t.dataSource, { level: 'agenda2030' });

    const res = await post({
      code: uniqueCode('SKIP'),
      title: 'Delmål direkt under Agenda 2030',
      level: 'sub_goal',
      framework: ROADMAP,
      parentId: root.id,
    });

    expect(res.status).toBe(201);
  });

  it.each<{ parentLevel: GoalLevel; level: GoalLevel; when: string }>([
    { parentLevel: 'committee_goal', level: 'committee_goal', when: 'the child has its parent’s level' },
    { parentLevel: 'priority_area', level: 'focus_area', when: 'the child is above its parent' },
  ])('should answer 422 and write nothing when $when', async ({ parentLevel, level }) => {
    const parent = await givenGoal(t.dataSource, { level: parentLevel });
    const before = await rowCounts(t.dataSource, ['goals']);

    const res = await post({
      code: uniqueCode('BAD'),
      title: 'Felplacerat mål',
      level,
      framework: MRP,
      parentId: parent.id,
    });

    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field: 'level', message: expect.stringContaining('below its parent') }]);
    expect(await rowCounts(t.dataSource, ['goals'])).toEqual(before);
  });

  it('should answer 422 naming parentId when the parent does not exist', async () => {
    const res = await post({
      code: uniqueCode('ORPH'),
      title: 'Föräldralöst',
      level: 'sub_goal',
      framework: ROADMAP,
      parentId: '0d1c2b3a-4958-4677-8695-a4b3c2d1e0f9',
    });

    expectProblem(res, 422);
    expect(res.body.errors).toEqual([{ field: 'parentId', message: 'no goal with this id' }]);
  });

  it('should answer 409 and write nothing when the code is taken', async () => {
    const existing = await givenGoal(t.dataSource);
    const before = await rowCounts(t.dataSource, ['goals']);

    const res = await post({ code: existing.code, title: 'Dubblett', level: 'priority_area', framework: ROADMAP });

    expectProblem(res, 409);
    expect(await rowCounts(t.dataSource, ['goals'])).toEqual(before);
  });

  it('should answer 400 and write nothing when the validity period ends before it starts', async () => {
    const before = await rowCounts(t.dataSource, ['goals']);

    const res = await post({
      code: uniqueCode('VAL'),
      title: 'Baklänges',
      level: 'priority_area',
      framework: ROADMAP,
      validFrom: '2025-01-01',
      validTo: '2024-12-31',
    });

    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ field: 'validTo', message: expect.any(String) }]);
    expect(await rowCounts(t.dataSource, ['goals'])).toEqual(before);
  });

  describe('moving a goal', () => {
    it('should answer 422 and leave the tree as it was when a goal is moved under its own descendant', async () => {
      const top = await givenGoal(t.dataSource, { level: 'focus_area' });
      const child = await givenGoal(t.dataSource, { level: 'committee_goal', parentId: top.id });
      const grandchild = await givenGoal(t.dataSource, { level: 'sub_goal', parentId: child.id });

      const res = await t.admin
        .patch(api(`/goals/${top.id}`))
        .set('If-Match', '"1"')
        .send({ parentId: grandchild.id });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'parentId', message: 'would create a cycle' }]);
      expect(await read(top.id)).toMatchObject({ parentId: null, version: 1 });
    });

    it('should refuse one of two concurrent moves when together they would put two goals under each other', async () => {
      const [a, b] = [
        await givenGoal(t.dataSource, { level: 'priority_goal' }),
        await givenGoal(t.dataSource, { level: 'priority_goal' }),
      ];
      await Promise.all(
        [a, b].map((g) =>
          t.admin
            .patch(api(`/goals/${g.id}`))
            .set('If-Match', '"1"')
            .send({ level: 'committee_goal' }),
        ),
      );

      const results = await Promise.all([
        t.admin
          .patch(api(`/goals/${a.id}`))
          .set('If-Match', '"2"')
          .send({ parentId: b.id, level: 'priority_area' }),
        t.admin
          .patch(api(`/goals/${b.id}`))
          .set('If-Match', '"2"')
          .send({ parentId: a.id, level: 'priority_area' }),
      ]);

      expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
      const parents = [(await read(a.id)).parentId, (await read(b.id)).parentId];
      expect(parents.filter((p) => p !== null)).toHaveLength(1);
    });

    it('should answer 422 when a goal is made its own parent', async () => {
      const goal = await givenGoal(t.dataSource);

      const res = await t.admin
        .patch(api(`/goals/${goal.id}`))
        .set('If-Match', '"1"')
        .send({ parentId: goal.id });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'parentId', message: 'would create a cycle' }]);
    });

    it('should answer 422 on parentId when the new parent is not above the goal', async () => {
      const goal = await givenGoal(t.dataSource, { level: 'priority_area' });
      const lower = await givenGoal(t.dataSource, { level: 'sub_goal' });

      const res = await t.admin
        .patch(api(`/goals/${goal.id}`))
        .set('If-Match', '"1"')
        .send({ parentId: lower.id });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'parentId', message: expect.stringContaining('below its parent') }]);
    });

    it('should answer 422 when a new level would put the goal at or below one of its children', async () => {
      const goal = await givenGoal(t.dataSource, { level: 'committee_goal' });
      await givenGoal(t.dataSource, { level: 'priority_area', parentId: goal.id });

      const res = await t.admin
        .patch(api(`/goals/${goal.id}`))
        .set('If-Match', '"1"')
        .send({ level: 'sub_goal' });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'level', message: expect.stringContaining('priority_area') }]);
    });

    it('should move a goal under a new parent and bump the version when If-Match is current', async () => {
      const [oldParent, newParent] = [
        await givenGoal(t.dataSource, { level: 'committee_goal' }),
        await givenGoal(t.dataSource, { level: 'committee_goal' }),
      ];
      const goal = await givenGoal(t.dataSource, { level: 'priority_area', parentId: oldParent.id });

      const res = await t.admin
        .patch(api(`/goals/${goal.id}`))
        .set('If-Match', '"1"')
        .send({ parentId: newParent.id, title: 'Flyttat mål' });

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ parentId: newParent.id, title: 'Flyttat mål', version: 2 });
    });

    it('should answer 412 and change nothing when If-Match is stale', async () => {
      const goal = await givenGoal(t.dataSource);
      await t.admin
        .patch(api(`/goals/${goal.id}`))
        .set('If-Match', '"1"')
        .send({ title: 'Först' });

      const res = await t.admin
        .patch(api(`/goals/${goal.id}`))
        .set('If-Match', '"1"')
        .send({ title: 'Sedan' });

      expectProblem(res, 412);
      expect(await read(goal.id)).toMatchObject({ title: 'Först', version: 2 });
    });

    it('should answer 428 and change nothing when If-Match is missing', async () => {
      const goal = await givenGoal(t.dataSource);

      const res = await t.admin.patch(api(`/goals/${goal.id}`)).send({ title: 'Utan villkor' });

      expectProblem(res, 428);
      expect(await read(goal.id)).toMatchObject({ title: goal.title, version: 1 });
    });

    it('should answer 400 and change nothing when a PATCH of one end of the validity puts it before the stored other', async () => {
      const goal = await givenGoal(t.dataSource, { validFrom: '2024-01-01', validTo: null });

      const res = await t.admin
        .patch(api(`/goals/${goal.id}`))
        .set('If-Match', '"1"')
        .send({ validTo: '2023-12-31' });

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([{ field: 'validTo', message: expect.any(String) }]);
      expect(await read(goal.id)).toMatchObject({ validTo: null, version: 1 });
    });

    it('should answer 400 and change nothing when a required field is set to null', async () => {
      const goal = await givenGoal(t.dataSource);

      const res = await t.admin
        .patch(api(`/goals/${goal.id}`))
        .set('If-Match', '"1"')
        .send({ title: null });

      expectProblem(res, 400);
      expect(await read(goal.id)).toMatchObject({ title: goal.title, version: 1 });
    });
  });

  describe('reading', () => {
    const framework = `Testram ${uniqueCode('FW')}`;
    const other = `Annan ram ${uniqueCode('FW')}`;
    let root: Goal, priorityA: Goal, priorityB: Goal, subGoal: Goal, otherRoot: Goal;

    beforeAll(async () => {
      root = await givenGoal(t.dataSource, { code: uniqueCode('R'), level: 'priority_goal', framework });
      priorityB = await givenGoal(t.dataSource, {
        code: uniqueCode('PB'),
        level: 'priority_area',
        framework,
        parentId: root.id,
      });
      priorityA = await givenGoal(t.dataSource, {
        code: uniqueCode('PA'),
        level: 'priority_area',
        framework,
        parentId: root.id,
      });
      subGoal = await givenGoal(t.dataSource, {
        code: uniqueCode('S'),
        level: 'sub_goal',
        framework,
        parentId: priorityA.id,
      });
      otherRoot = await givenGoal(t.dataSource, { code: uniqueCode('O'), level: 'agenda2030', framework: other });
    });

    it('should nest children under their parents when the tree is read for a framework', async () => {
      const res = await t.admin.get(api('/goals/tree')).query({ framework });

      expect(res.status).toBe(200);
      const tree = res.body as TreeNode[];
      expect(tree).toHaveLength(1);
      expect(tree[0]).toMatchObject({ id: root.id, code: root.code });
      const byCode = [priorityA, priorityB].sort((a, b) => a.code.localeCompare(b.code, 'sv'));
      expect(tree[0].children.map((c) => c.id)).toEqual(byCode.map((g) => g.id));
      const a = tree[0].children.find((c) => c.id === priorityA.id)!;
      expect(a.children).toEqual([expect.objectContaining({ id: subGoal.id, parentId: priorityA.id, children: [] })]);
      expect(JSON.stringify(tree)).not.toContain(otherRoot.id);
    });

    it('should hold every goal once when the whole tree is read', async () => {
      const res = await t.admin.get(api('/goals/tree'));

      const flatten = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.id, ...flatten(n.children)]);
      const ids = flatten(res.body);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM goals');
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      expect(res.body.map((n: TreeNode) => n.id)).toEqual(expect.arrayContaining([root.id, otherRoot.id]));
    });

    it('should list only the goals of the given level and framework when filtered', async () => {
      const byLevel = await t.admin.get(api('/goals')).query({ level: 'priority_area', framework });
      const byFramework = await t.admin.get(api('/goals')).query({ framework });
      const byOther = await t.admin.get(api('/goals')).query({ framework: other });

      expect(byLevel.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
      expect(byLevel.body.items.map((g: Goal) => g.id).sort()).toEqual([priorityA.id, priorityB.id].sort());
      expect(byFramework.body.total).toBe(4);
      expect(byFramework.body.items.map((g: Goal) => g.code)).toEqual(
        [root, priorityA, priorityB, subGoal].map((g) => g.code).sort(),
      );
      expect(byOther.body.items.map((g: Goal) => g.id)).toEqual([otherRoot.id]);
    });

    it('should list exactly the goal with the code when code is given', async () => {
      const res = await t.admin.get(api('/goals')).query({ code: priorityA.code });
      const withOtherFilter = await t.admin.get(api('/goals')).query({ code: priorityA.code, level: 'sub_goal' });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: [{ id: priorityA.id, code: priorityA.code }], total: 1 });
      expect(withOtherFilter.body.total).toBe(0);
    });

    it('should answer 400 when the level filter is unknown', async () => {
      const res = await t.admin.get(api('/goals')).query({ level: 'vision' });

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'level' })]);
    });

    it('should answer 400 naming code when the code filter is not a code', async () => {
      const res = await t.admin.get(api('/goals')).query({ code: 'fp 1' });

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    });
  });
});
