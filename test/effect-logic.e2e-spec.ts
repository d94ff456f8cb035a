import type { Role } from '#identity';
import type { EffectLevel } from '#results';
import type { DepartmentEntity } from '#reference-data';
import type { GoalEntity } from '#goals';
import type { InitiativeEntity } from '#portfolio';
import type { Response } from 'supertest';
import { givenDepartment, givenGoal, givenInitiative } from './support/factories.js';
import { givenIndicator } from './support/indicator-factories.js';
import { givenEffectLink, givenEffectNode } from './support/results-factories.js';
import {
  api,
  createTestApp,
  expectProblem,
  request,
  rowCounts,
  type TestAgent,
  type TestApp,
} from './support/test-app.js';

const UNKNOWN_ID = '7b9d1f3a-5c7e-4a0b-8d2f-4a6c8e0b2d4f';
const TABLES = ['effect_nodes', 'effect_links', 'audit_events'];
const ROLES: Role[] = ['admin', 'leadership', 'department_head', 'staff', 'auditor'];

describe('Effect logic', () => {
  let t: TestApp;
  let own: DepartmentEntity;
  let other: DepartmentEntity;
  /** Priority area → sub-goal; the initiative is linked to the sub-goal, so both chains are within its reach. */
  let priorityArea: GoalEntity;
  let subGoal: GoalEntity;
  let unrelatedGoal: GoalEntity;
  let initiative: InitiativeEntity;

  beforeAll(async () => {
    t = await createTestApp();
    own = await givenDepartment(t.dataSource, { name: 'Egna förvaltningen' });
    other = await givenDepartment(t.dataSource, { name: 'Andra förvaltningen' });
    priorityArea = await givenGoal(t.dataSource, { title: 'Arbete och utbildning', level: 'priority_area' });
    subGoal = await givenGoal(t.dataSource, {
      title: 'Fler unga i studier',
      level: 'sub_goal',
      parentId: priorityArea.id,
    });
    unrelatedGoal = await givenGoal(t.dataSource, { title: 'Trygghet i närmiljön', level: 'priority_area' });
    initiative = await givenInitiative(
      t.dataSource,
      { title: 'Framtidscentrum', leadDepartmentId: own.id },
      { goalIds: [subGoal.id] },
    );
  });
  afterAll(() => t.close());

  const counts = () => rowCounts(t.dataSource, TABLES);
  const nodeOf = (
    level: EffectLevel,
    title = `Nod ${level}`,
    owner: { initiativeId: string } | { goalId: string } = { initiativeId: initiative.id },
  ) => givenEffectNode(t.dataSource, owner, level, { title });
  const postLink = (from: { id: string }, to: { id: string }, agent: TestAgent = t.admin) =>
    agent.post(api('/effect-links')).send({ fromNodeId: from.id, toNodeId: to.id });
  const auditOf = (entityId: string) =>
    t.dataSource.query(
      `SELECT action, entity_type AS "entityType", initiative_id AS "initiativeId", changes FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [entityId],
    );

  /** Acts, expects the problem, and proves nothing was written (nodes, links and audit trail alike). */
  async function expectRefused(act: () => Promise<Response>, status: number, type?: string) {
    const before = await counts();
    const res = await act();
    expectProblem(res, status);
    if (type) expect(res.body.type).toBe(type);
    expect(await counts()).toEqual(before);
    return res;
  }

  describe('nodes', () => {
    it('should create, read back in the graph, change with If-Match and audit each step', async () => {
      const body = {
        level: 'short_term_outcome',
        title: 'Fler unga påbörjar studier',
        description: 'Andel av målgruppen efter sex månader.',
        initiativeId: initiative.id,
      };

      const created = await t.admin.post(api('/effect-nodes')).send(body);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        ...body,
        id: expect.any(String),
        goalId: null,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const patched = await t.admin
        .patch(api(`/effect-nodes/${created.body.id}`))
        .set('If-Match', '"1"')
        .send({ title: 'Fler unga studerar', description: null });
      expect(patched.status).toBe(200);
      expect(patched.headers.etag).toBe('"2"');
      expect(patched.body).toEqual(
        expect.objectContaining({ title: 'Fler unga studerar', description: null, version: 2 }),
      );

      const graph = await t.admin.get(api(`/initiatives/${initiative.id}/effect-logic`));
      expect(graph.status).toBe(200);
      expect(graph.body.owner).toEqual({
        kind: 'initiative',
        id: initiative.id,
        code: initiative.code,
        title: 'Framtidscentrum',
      });
      expect(graph.body.nodes).toContainEqual(
        expect.objectContaining({ id: created.body.id, title: 'Fler unga studerar', version: 2 }),
      );

      expect(await auditOf(created.body.id)).toEqual([
        expect.objectContaining({ action: 'create', entityType: 'effect_node', initiativeId: initiative.id }),
        {
          action: 'update',
          entityType: 'effect_node',
          initiativeId: initiative.id,
          changes: {
            title: { before: 'Fler unga påbörjar studier', after: 'Fler unga studerar' },
            description: { before: body.description, after: null },
          },
        },
      ]);
    });

    it("should create a node in a goal's chain", async () => {
      const res = await t.admin
        .post(api('/effect-nodes'))
        .send({ level: 'impact', title: 'Minskat utanförskap', goalId: priorityArea.id });

      expect(res.status).toBe(201);
      expect(res.body).toEqual(
        expect.objectContaining({ goalId: priorityArea.id, initiativeId: null, description: null }),
      );
    });

    it('should answer 428 without If-Match and 412 when stale, changing nothing', async () => {
      const node = await nodeOf('output');

      await expectRefused(() => t.admin.patch(api(`/effect-nodes/${node.id}`)).send({ title: 'Ny' }), 428);
      await expectRefused(
        () =>
          t.admin
            .patch(api(`/effect-nodes/${node.id}`))
            .set('If-Match', '"7"')
            .send({ title: 'Ny' }),
        412,
      );
    });

    it('should refuse (422) a level change that would turn a link backward, and allow one that keeps it forward', async () => {
      const activity = await nodeOf('activity');
      const output = await nodeOf('output');
      await givenEffectLink(t.dataSource, activity, output);

      const res = await expectRefused(
        () =>
          t.admin
            .patch(api(`/effect-nodes/${activity.id}`))
            .set('If-Match', '"1"')
            .send({ level: 'impact' }),
        422,
        '/problems/effect-logic/backward-link',
      );
      expect(res.body.errors).toEqual([{ field: 'level', message: expect.stringMatching(/^backward-link: /) }]);
      await expectRefused(
        () =>
          t.admin
            .patch(api(`/effect-nodes/${activity.id}`))
            .set('If-Match', '"1"')
            .send({ level: 'output' }),
        422,
        '/problems/effect-logic/same-level-link',
      );

      const forward = await t.admin
        .patch(api(`/effect-nodes/${output.id}`))
        .set('If-Match', '"1"')
        .send({ level: 'long_term_outcome' });
      expect(forward.status).toBe(200);
    });

    it('should delete a node with its links, auditing each', async () => {
      const activity = await nodeOf('activity');
      const output = await nodeOf('output');
      const goalNode = await nodeOf('long_term_outcome', 'Fler i arbete', { goalId: subGoal.id });
      const inward = await givenEffectLink(t.dataSource, activity, output);
      const outward = await givenEffectLink(t.dataSource, output, goalNode);

      const res = await t.admin.delete(api(`/effect-nodes/${output.id}`));

      expect(res.status).toBe(204);
      expect(
        await t.dataSource.query(`SELECT id FROM effect_links WHERE id IN ($1, $2)`, [inward.id, outward.id]),
      ).toEqual([]);
      expect(
        await t.dataSource.query(`SELECT id FROM effect_nodes WHERE id IN ($1, $2)`, [activity.id, goalNode.id]),
      ).toHaveLength(2);
      expect(await auditOf(output.id)).toEqual([
        expect.objectContaining({ action: 'delete', entityType: 'effect_node', initiativeId: initiative.id }),
      ]);
      expect(await auditOf(outward.id)).toEqual([
        {
          action: 'delete',
          entityType: 'effect_link',
          initiativeId: initiative.id,
          changes: { fromNodeId: { before: output.id }, toNodeId: { before: goalNode.id } },
        },
      ]);
    });

    it("should refuse (409) to delete a goal chain's node while an initiative links into it, writing nothing", async () => {
      const goalNode = await nodeOf('short_term_outcome', 'Fler studerar', { goalId: subGoal.id });
      await givenEffectLink(t.dataSource, await nodeOf('output'), goalNode);

      const res = await expectRefused(() => t.admin.delete(api(`/effect-nodes/${goalNode.id}`)), 409);
      expect(res.body.detail).toContain('Framtidscentrum');
    });

    it('should answer 404 for an unknown node', async () => {
      await expectRefused(() => t.admin.delete(api(`/effect-nodes/${UNKNOWN_ID}`)), 404);
      await expectRefused(
        () =>
          t.admin
            .patch(api(`/effect-nodes/${UNKNOWN_ID}`))
            .set('If-Match', '"1"')
            .send({ title: 'x' }),
        404,
      );
    });
  });

  describe('links and their rules', () => {
    it('should link forward within the chain, skipping levels, and audit the link', async () => {
      const activity = await nodeOf('activity');
      const outcome = await nodeOf('long_term_outcome');

      const res = await postLink(activity, outcome);

      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        fromNodeId: activity.id,
        toNodeId: outcome.id,
        createdAt: expect.any(String),
      });
      expect(await auditOf(res.body.id)).toEqual([
        {
          action: 'create',
          entityType: 'effect_link',
          initiativeId: initiative.id,
          changes: { fromNodeId: { after: activity.id }, toNodeId: { after: outcome.id } },
        },
      ]);
    });

    it('should refuse a backward link (422 naming the rule) and write nothing', async () => {
      const output = await nodeOf('output');
      const activity = await nodeOf('activity');
      const res = await expectRefused(() => postLink(output, activity), 422, '/problems/effect-logic/backward-link');
      expect(res.body.errors).toEqual([{ field: 'toNodeId', message: expect.stringMatching(/^backward-link: /) }]);
    });

    it('should refuse a same-level link, the only way a cycle could close, and write nothing', async () => {
      const a = await nodeOf('output', 'A');
      const b = await nodeOf('output', 'B');
      await expectRefused(() => postLink(a, b), 422, '/problems/effect-logic/same-level-link');
    });

    it('should refuse a link to itself as a same-level link', async () => {
      const a = await nodeOf('output');
      await expectRefused(() => postLink(a, a), 422, '/problems/effect-logic/same-level-link');
    });

    it("should refuse a link to another initiative's node and write nothing", async () => {
      const another = await givenInitiative(t.dataSource, { leadDepartmentId: own.id }, { goalIds: [subGoal.id] });
      const theirs = await nodeOf('output', 'Deras prestation', { initiativeId: another.id });
      const mine = await nodeOf('activity');
      await expectRefused(() => postLink(mine, theirs), 422, '/problems/effect-logic/cross-initiative-link');
    });

    it("should allow a link into its goal's chain and into the priority area's above it", async () => {
      const output = await nodeOf('output');

      expect(
        (await postLink(output, await nodeOf('short_term_outcome', 'Delmål', { goalId: subGoal.id }))).status,
      ).toBe(201);
      expect(
        (await postLink(output, await nodeOf('long_term_outcome', 'Område', { goalId: priorityArea.id }))).status,
      ).toBe(201);
    });

    it("should refuse a link into an unrelated goal's chain and write nothing", async () => {
      const target = await nodeOf('short_term_outcome', 'Tryggare', { goalId: unrelatedGoal.id });
      const output = await nodeOf('output');
      await expectRefused(() => postLink(output, target), 422, '/problems/effect-logic/goal-chain-out-of-reach');
    });

    it("should let goal chains link to each other, never into an initiative's chain", async () => {
      const sub = await nodeOf('short_term_outcome', 'Delmål', { goalId: subGoal.id });
      const initiativeImpact = await nodeOf('impact', 'Insatsens effekt');
      expect((await postLink(sub, await nodeOf('impact', 'Område', { goalId: priorityArea.id }))).status).toBe(201);
      await expectRefused(
        () => postLink(sub, initiativeImpact),
        422,
        '/problems/effect-logic/goal-chain-to-initiative',
      );
    });

    it('should refuse a duplicate link (409) and links to unknown nodes (422)', async () => {
      const a = await nodeOf('activity');
      const b = await nodeOf('output');
      expect((await postLink(a, b)).status).toBe(201);

      await expectRefused(() => postLink(a, b), 409);
      const res = await expectRefused(() => postLink(a, { id: UNKNOWN_ID }), 422, '/problems/unknown-reference');
      expect(res.body.errors).toEqual([{ field: 'toNodeId', message: 'no effect node with this id' }]);
    });

    it('should delete a link and audit it', async () => {
      const link = await givenEffectLink(t.dataSource, await nodeOf('activity'), await nodeOf('output'));

      expect((await t.admin.delete(api(`/effect-links/${link.id}`))).status).toBe(204);
      expect(await auditOf(link.id)).toEqual([
        expect.objectContaining({ action: 'delete', entityType: 'effect_link' }),
      ]);
      await expectRefused(() => t.admin.delete(api(`/effect-links/${link.id}`)), 404);
    });

    it('should judge a link on the level a concurrent change commits, not the one it first read', async () => {
      const from = await nodeOf('activity');
      const to = await nodeOf('output');
      const other = t.dataSource.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      try {
        await other.query(`UPDATE effect_nodes SET level = 'impact', version = version + 1 WHERE id = $1`, [from.id]);
        const pending = postLink(from, to).then((res) => res);
        await waitForLockWait();
        await other.commitTransaction();

        const res = await pending;
        expectProblem(res, 422);
        expect(res.body.type).toBe('/problems/effect-logic/backward-link');
        expect(await t.dataSource.query(`SELECT id FROM effect_links WHERE from_node_id = $1`, [from.id])).toEqual([]);
      } finally {
        if (other.isTransactionActive) await other.rollbackTransaction();
        await other.release();
      }
    });
  });

  describe('concurrent level change', () => {
    it('should judge a level change on a link that committed while it waited for the node', async () => {
      const from = await nodeOf('output');
      const to = await nodeOf('short_term_outcome');
      const other = t.dataSource.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      try {
        // What POST /effect-links does: both ends FOR SHARE, then the link.
        await other.query(`SELECT 1 FROM effect_nodes WHERE id IN ($1, $2) ORDER BY id FOR SHARE`, [from.id, to.id]);
        await other.query(`INSERT INTO effect_links (from_node_id, to_node_id) VALUES ($1, $2)`, [from.id, to.id]);
        const pending = t.admin
          .patch(api(`/effect-nodes/${from.id}`))
          .set('If-Match', '"1"')
          .send({ level: 'long_term_outcome' })
          .then((res) => res);
        await waitForLockWait();
        await other.commitTransaction();

        const res = await pending;
        expectProblem(res, 422);
        expect(res.body.type).toBe('/problems/effect-logic/backward-link');
        expect(await t.dataSource.query(`SELECT level FROM effect_nodes WHERE id = $1`, [from.id])).toEqual([
          { level: 'output' },
        ]);
      } finally {
        if (other.isTransactionActive) await other.rollbackTransaction();
        await other.release();
      }
    });
  });

  /** Polls until some session of the test database waits for a row lock: the request has reached its lock. */
  async function waitForLockWait() {
    for (let i = 0; i < 100; i++) {
      const [{ waiting }] = await t.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the request never waited for the lock');
  }

  describe('graphs', () => {
    /**
     * Priority area chain: short-term → long-term → impact. The sub-goal's outcome links into the priority area's
     * long-term outcome. Initiative A links into the sub-goal; initiative B (linked to the priority area) straight
     * into the short-term outcome; initiative C has a node with no link into the chains.
     */
    let area: GoalEntity;
    let sub: GoalEntity;
    let a: InitiativeEntity;
    let b: InitiativeEntity;
    const n = {} as Record<string, { id: string }>;

    beforeAll(async () => {
      area = await givenGoal(t.dataSource, { title: 'Område "Arbete" [PO3]', level: 'priority_area' });
      sub = await givenGoal(t.dataSource, { title: 'Delmål studier', level: 'sub_goal', parentId: area.id });
      a = await givenInitiative(
        t.dataSource,
        { code: 'A-INSATS', title: 'Framtidscentrum', leadDepartmentId: own.id },
        { goalIds: [sub.id] },
      );
      b = await givenInitiative(
        t.dataSource,
        { code: 'B-INSATS', title: 'Alla behövs i jobb', leadDepartmentId: other.id },
        { goalIds: [area.id] },
      );
      const c = await givenInitiative(
        t.dataSource,
        { code: 'C-INSATS', title: 'Kulturhuset', leadDepartmentId: other.id },
        { goalIds: [area.id] },
      );
      n.areaShort = await nodeOf('short_term_outcome', 'Fler unga "redo" för arbete', { goalId: area.id });
      n.areaLong = await nodeOf('long_term_outcome', 'Fler unga i arbete', { goalId: area.id });
      n.areaImpact = await nodeOf('impact', 'Minskat utanförskap', { goalId: area.id });
      n.subOutcome = await nodeOf('short_term_outcome', 'Fler unga studerar', { goalId: sub.id });
      n.aActivity = await nodeOf('activity', 'Uppsökande arbete', { initiativeId: a.id });
      n.aOutput = await nodeOf('output', 'Samtal med unga', { initiativeId: a.id });
      n.bOutput = await nodeOf('output', 'Praktikplatser', { initiativeId: b.id });
      n.cOutput = await nodeOf('output', 'Föreställningar', { initiativeId: c.id });
      for (const [from, to] of [
        ['areaShort', 'areaLong'],
        ['areaLong', 'areaImpact'],
        ['subOutcome', 'areaLong'],
        ['aActivity', 'aOutput'],
        ['aOutput', 'subOutcome'],
        ['bOutput', 'areaShort'],
      ]) {
        await givenEffectLink(t.dataSource, n[from], n[to]);
      }
    });

    const ref = (i: InitiativeEntity) => ({ id: i.id, code: i.code, title: i.title });

    it('should list, for each node of the goal chain, the initiatives with a path to it', async () => {
      const res = await t.admin.get(api(`/goals/${area.id}/effect-logic`));

      expect(res.status).toBe(200);
      expect(res.body.owner).toEqual({ kind: 'goal', id: area.id, code: area.code, title: area.title });
      const byId = new Map(res.body.nodes.map((node: { id: string }) => [node.id, node]));
      expect(res.body.nodes.map((node: { title: string }) => node.title)).toEqual([
        'Fler unga "redo" för arbete',
        'Fler unga i arbete',
        'Minskat utanförskap',
      ]);
      expect(byId.get(n.areaShort.id)).toEqual(expect.objectContaining({ contributors: [ref(b)] }));
      expect(byId.get(n.areaLong.id)).toEqual(expect.objectContaining({ contributors: [ref(a), ref(b)] }));
      expect(byId.get(n.areaImpact.id)).toEqual(
        expect.objectContaining({
          contributors: [ref(a), ref(b)],
          owner: { kind: 'goal', id: area.id, code: area.code, title: area.title },
        }),
      );
      expect(res.body.links).toEqual([
        { id: expect.any(String), fromNodeId: n.areaShort.id, toNodeId: n.areaLong.id },
        { id: expect.any(String), fromNodeId: n.areaLong.id, toNodeId: n.areaImpact.id },
      ]);
    });

    it("should show an initiative's chain with the goal-chain nodes it links into", async () => {
      const res = await t.admin.get(api(`/initiatives/${a.id}/effect-logic`));

      expect(res.status).toBe(200);
      expect(res.body.nodes.map((node: { id: string }) => node.id)).toEqual([
        n.aActivity.id,
        n.aOutput.id,
        n.subOutcome.id,
      ]);
      expect(res.body.nodes[2]).toEqual(
        expect.objectContaining({
          goalId: sub.id,
          owner: { kind: 'goal', id: sub.id, code: sub.code, title: sub.title },
        }),
      );
      expect(res.body.nodes[0]).not.toHaveProperty('contributors');
      expect(res.body.links.map((l: { fromNodeId: string; toNodeId: string }) => [l.fromNodeId, l.toNodeId])).toEqual([
        [n.aActivity.id, n.aOutput.id],
        [n.aOutput.id, n.subOutcome.id],
      ]);
    });

    it("should name the goal chains within the initiative's reach that have nodes, top down, and none on a goal graph", async () => {
      const graphOf = async (id: string) => (await t.admin.get(api(`/initiatives/${id}/effect-logic`))).body;
      const goalRef = (g: GoalEntity) => ({ kind: 'goal', id: g.id, code: g.code, title: g.title });

      expect((await graphOf(a.id)).goalChains).toEqual([goalRef(area), goalRef(sub)]);
      expect((await graphOf(b.id)).goalChains).toEqual([goalRef(area)]);
      expect((await t.admin.get(api(`/goals/${area.id}/effect-logic`))).body).not.toHaveProperty('goalChains');
    });

    it('should name the indicators that measure each node, by code', async () => {
      const later = await givenIndicator(t.dataSource, own.id, { code: 'ZZ-GRAF', name: 'Senare i koden' });
      const earlier = await givenIndicator(t.dataSource, own.id, { code: 'AA-GRAF', name: 'Tidigare i koden' });
      for (const indicator of [later, earlier]) {
        expect(
          (await t.admin.post(api(`/effect-nodes/${n.subOutcome.id}/indicators`)).send({ indicatorId: indicator.id }))
            .status,
        ).toBe(201);
      }

      const res = await t.admin.get(api(`/initiatives/${a.id}/effect-logic`));

      const byId = new Map(res.body.nodes.map((node: { id: string }) => [node.id, node]));
      expect(byId.get(n.subOutcome.id)).toEqual(
        expect.objectContaining({
          indicators: [
            { id: earlier.id, code: 'AA-GRAF', name: 'Tidigare i koden' },
            { id: later.id, code: 'ZZ-GRAF', name: 'Senare i koden' },
          ],
        }),
      );
      expect(byId.get(n.aOutput.id)).toEqual(expect.objectContaining({ indicators: [] }));
    });

    it('should return the goal graph as Mermaid text with escaped titles and the contributors', async () => {
      const res = await t.admin.get(api(`/goals/${area.id}/effect-logic?format=mermaid`));

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).toBe(
        [
          'flowchart LR',
          '  %% Effektlogik: Område #quot;Arbete#quot; #91;PO3#93;',
          '  subgraph short_term_outcome["Kortsiktiga effekter"]',
          '    direction TB',
          '    n1["Fler unga #quot;redo#quot; för arbete<br/>Bidragande insatser: Alla behövs i jobb"]',
          '  end',
          '  subgraph long_term_outcome["Långsiktiga effekter"]',
          '    direction TB',
          '    n2["Fler unga i arbete<br/>Bidragande insatser: Framtidscentrum, Alla behövs i jobb"]',
          '  end',
          '  subgraph impact["Samhällseffekter"]',
          '    direction TB',
          '    n3["Minskat utanförskap<br/>Bidragande insatser: Framtidscentrum, Alla behövs i jobb"]',
          '  end',
          '  n1 --> n2',
          '  n2 --> n3',
          '',
        ].join('\n'),
      );
    });

    it("should return an initiative's graph as Mermaid with the goal chain's node dashed", async () => {
      const res = await t.admin.get(api(`/initiatives/${a.id}/effect-logic`)).query({ format: 'mermaid' });

      expect(res.status).toBe(200);
      expect(res.text).toContain('    n3["Fler unga studerar<br/>#40;Delmål studier#41;"]');
      expect(res.text).toContain('  n2 --> n3\n');
      expect(res.text).toContain('  class n3 otherChain\n');
    });

    it('should answer 404 for an unknown owner and 400 for an unknown format', async () => {
      expectProblem(await t.admin.get(api(`/goals/${UNKNOWN_ID}/effect-logic`)), 404);
      expectProblem(await t.admin.get(api(`/initiatives/${UNKNOWN_ID}/effect-logic`)), 404);
      const res = await t.admin.get(api(`/goals/${area.id}/effect-logic?format=svg`));
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
    });

    it.each(ROLES)('should let %s read both graphs', async (role) => {
      const agent = await t.as({ role, department: own.code, sub: `reader-${role}` });
      expect((await agent.get(api(`/goals/${area.id}/effect-logic`))).status).toBe(200);
      expect((await agent.get(api(`/initiatives/${a.id}/effect-logic?format=mermaid`))).status).toBe(200);
    });
  });

  describe('bad input: 400 and nothing written', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['an unknown field', { level: 'output', title: 'X', initiativeId: 'INITIATIVE', version: 3 }, ['version']],
      ['a bad level', { level: 'outcome', title: 'X', initiativeId: 'INITIATIVE' }, ['level']],
      ['an empty title', { level: 'output', title: '   ', initiativeId: 'INITIATIVE' }, ['title']],
      ['a bad uuid', { level: 'output', title: 'X', initiativeId: 'not-a-uuid' }, ['initiativeId']],
      [
        'both owners',
        { level: 'output', title: 'X', initiativeId: 'INITIATIVE', goalId: 'GOAL' },
        ['initiativeId', 'goalId'],
      ],
      ['no owner', { level: 'output', title: 'X' }, ['initiativeId', 'goalId']],
    ])('should refuse a node with %s', async (_, body, fields) => {
      const resolved = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, v === 'INITIATIVE' ? initiative.id : v === 'GOAL' ? subGoal.id : v]),
      );
      const res = await expectRefused(() => t.admin.post(api('/effect-nodes')).send(resolved), 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    });

    it('should refuse a node whose owner does not exist with 422', async () => {
      await expectRefused(
        () => t.admin.post(api('/effect-nodes')).send({ level: 'output', title: 'X', goalId: UNKNOWN_ID }),
        422,
        '/problems/unknown-reference',
      );
    });

    it('should refuse a PATCH that tries to move the node to another owner', async () => {
      const node = await nodeOf('output');
      const res = await expectRefused(
        () =>
          t.admin
            .patch(api(`/effect-nodes/${node.id}`))
            .set('If-Match', '"1"')
            .send({ goalId: subGoal.id }),
        400,
      );
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'goalId' })]);
    });

    it('should refuse links with bad uuids or unknown fields', async () => {
      const res = await expectRefused(
        () => t.admin.post(api('/effect-links')).send({ fromNodeId: 'x', toNodeId: UNKNOWN_ID, kind: 'causes' }),
        400,
      );
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['fromNodeId', 'kind']));
    });

    it('should refuse bad uuids in paths', async () => {
      await expectRefused(() => t.admin.delete(api('/effect-nodes/123')), 400);
      await expectRefused(() => t.admin.delete(api('/effect-links/123')), 400);
      expectProblem(await t.admin.get(api('/goals/123/effect-logic')), 400);
    });
  });

  describe('permissions: every role × every write, own initiative, other initiative and goal chain', () => {
    type Chain = 'own' | 'other' | 'goal';
    const agents = {} as Record<Role, TestAgent>;
    let otherInitiative: InitiativeEntity;

    beforeAll(async () => {
      for (const role of ROLES) agents[role] = await t.as({ role, department: own.code, sub: `effect-${role}` });
      otherInitiative = await givenInitiative(t.dataSource, { leadDepartmentId: other.id }, { goalIds: [subGoal.id] });
    });

    const ownerOf = (chain: Chain) =>
      chain === 'goal'
        ? { goalId: subGoal.id }
        : { initiativeId: chain === 'own' ? initiative.id : otherInitiative.id };
    /** Initiative chains: who edits the initiative (admin any; department heads and staff their own). Goal chains: admin and leadership. */
    const expected = (role: Role, chain: Chain) =>
      role === 'admin' ||
      (chain === 'goal' ? role === 'leadership' : chain === 'own' && (role === 'department_head' || role === 'staff'));

    type Target = { id: string; fromId?: string; toId?: string };
    const WRITES: {
      name: string;
      ok: number;
      arrange: (chain: Chain) => Promise<Target | null>;
      act: (agent: TestAgent, chain: Chain, target: Target | null) => Promise<Response>;
    }[] = [
      {
        name: 'POST /effect-nodes',
        ok: 201,
        arrange: () => Promise.resolve(null),
        act: (agent, chain) =>
          agent.post(api('/effect-nodes')).send({ level: 'output', title: 'Ny nod', ...ownerOf(chain) }),
      },
      {
        name: 'PATCH /effect-nodes/{id}',
        ok: 200,
        arrange: (chain) => nodeOf('output', 'Nod', ownerOf(chain)),
        act: (agent, _, target) =>
          agent
            .patch(api(`/effect-nodes/${target!.id}`))
            .set('If-Match', '"1"')
            .send({ title: 'Ändrad' }),
      },
      {
        name: 'DELETE /effect-nodes/{id}',
        ok: 204,
        arrange: async (chain) => {
          const node = await nodeOf('output', 'Nod', ownerOf(chain));
          await givenEffectLink(t.dataSource, await nodeOf('activity', 'Före', ownerOf(chain)), node);
          return node;
        },
        act: (agent, _, target) => agent.delete(api(`/effect-nodes/${target!.id}`)),
      },
      {
        name: 'POST /effect-links',
        ok: 201,
        arrange: async (chain) => ({
          id: '',
          fromId: (await nodeOf('activity', 'Från', ownerOf(chain))).id,
          toId: (await nodeOf('impact', 'Till', chain === 'goal' ? { goalId: priorityArea.id } : ownerOf(chain))).id,
        }),
        act: (agent, _, target) => postLink({ id: target!.fromId! }, { id: target!.toId! }, agent),
      },
      {
        name: 'DELETE /effect-links/{id}',
        ok: 204,
        arrange: async (chain) =>
          givenEffectLink(
            t.dataSource,
            await nodeOf('activity', 'Från', ownerOf(chain)),
            await nodeOf('output', 'Till', ownerOf(chain)),
          ),
        act: (agent, _, target) => agent.delete(api(`/effect-links/${target!.id}`)),
      },
    ];
    const CASES = WRITES.flatMap((write) =>
      ROLES.flatMap((role) => (['own', 'other', 'goal'] as Chain[]).map((chain) => ({ ...write, role, chain }))),
    );

    it.each(CASES)('$name as $role on the $chain chain', async ({ arrange, act, ok, role, chain }) => {
      const target = await arrange(chain);
      if (expected(role, chain)) {
        expect((await act(agents[role], chain, target)).status).toBe(ok);
      } else {
        await expectRefused(() => act(agents[role], chain, target), 403);
      }
    });

    it('should refuse an API key (portfolio:read) every write, and let it read', async () => {
      const key = await t.admin.post(api('/api-keys')).send({ name: 'Budgetsystemet', scopes: ['portfolio:read'] });
      const node = await nodeOf('output');
      const withKey = (req: ReturnType<TestAgent['get']>) => req.set('X-Api-Key', key.body.key);
      const bare = () => request(t.http);

      await expectRefused(
        () => withKey(bare().post(api('/effect-nodes'))).send({ level: 'output', title: 'X', ...ownerOf('own') }),
        403,
      );
      await expectRefused(() => withKey(bare().delete(api(`/effect-nodes/${node.id}`))), 403);
      expect((await withKey(bare().get(api(`/initiatives/${initiative.id}/effect-logic`)))).status).toBe(200);
    });
  });
});
