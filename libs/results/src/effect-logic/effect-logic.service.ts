import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictProblem, NotFoundProblem, UnknownReferenceProblem, updateVersioned, ValidationProblem } from '#common';
import { AuditService, type RequestContext } from '#identity';
import { assertLevelKeepsIndicators } from '../indicators/indicator-links.js';
import type { CreateEffectLinkDto, CreateEffectNodeDto, UpdateEffectNodeDto } from './dto/effect-logic.dto.js';
import { lockChainForWrite, type ChainOwner } from './effect-chain-access.js';
import { inStableOrder, type ChainOwnerRef, type EffectGraph, type EffectGraphLink, type EffectGraphNode } from './effect-graph.js';
import { assertNoBreaches, levelChangeBreaches, linkBreaches, type GraphNode, type NeighbourLink } from './effect-graph.rules.js';
import { EffectLinkEntity, EffectNodeEntity } from './effect-node.entity.js';

type OwnerKind = ChainOwnerRef['kind'];
const OWNER_COLUMN: Record<OwnerKind, 'initiative_id' | 'goal_id'> = { initiative: 'initiative_id', goal: 'goal_id' };
const OWNER_TABLE: Record<OwnerKind, 'initiatives' | 'goals'> = { initiative: 'initiatives', goal: 'goals' };

@Injectable()
export class EffectLogicService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async createNode(ctx: RequestContext, dto: CreateEffectNodeDto): Promise<EffectNodeEntity> {
    const owner = chainOwnerOf(dto);
    return this.dataSource.transaction(async (em) => {
      await this.assertOwnerExists(em, owner);
      await lockChainForWrite(em, ctx.actor, owner);
      const node = await em.save(em.create(EffectNodeEntity, { level: dto.level, title: dto.title, description: dto.description ?? null, ...owner }));
      await this.audit.record(em, ctx, { action: 'create', entityType: 'effect_node', entityId: node.id, initiativeId: node.initiativeId, after: node });
      return node;
    });
  }

  async getNode(id: string): Promise<EffectNodeEntity> {
    const node = await this.dataSource.getRepository(EffectNodeEntity).findOneBy({ id });
    if (!node) throw new NotFoundProblem('effect node', id);
    return node;
  }

  async updateNode(ctx: RequestContext, id: string, expectedVersion: number, dto: UpdateEffectNodeDto): Promise<EffectNodeEntity> {
    await this.dataSource.transaction(async (em) => {
      const current = await em.findOneBy(EffectNodeEntity, { id });
      if (!current) throw new NotFoundProblem('effect node', id);
      await lockChainForWrite(em, ctx.actor, current);
      if (dto.level !== undefined && dto.level !== current.level) {
        assertNoBreaches(levelChangeBreaches(dto.level, await lockNeighbourhood(em, id)), 'level');
        await assertLevelKeepsIndicators(em, id, dto.level);
      }
      await updateVersioned(em, EffectNodeEntity, 'effect node', id, expectedVersion, { ...dto });
      const after = await em.findOneByOrFail(EffectNodeEntity, { id });
      await this.audit.record(em, ctx, { action: 'update', entityType: 'effect_node', entityId: id, initiativeId: current.initiativeId, before: current, after });
    });
    return this.getNode(id);
  }

  /**
   * Deletes the node and every link to or from it — unless a node of another chain links into it: that link is the
   * other chain's (links belong to the chain they start in), so deleting would silently cut an initiative's
   * contribution to a goal chain. 409 then, naming the chains; they remove their links first.
   */
  async removeNode(ctx: RequestContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const node = await em.findOneBy(EffectNodeEntity, { id });
      if (!node) throw new NotFoundProblem('effect node', id);
      await lockChainForWrite(em, ctx.actor, node);
      // FOR UPDATE waits for links being created to or from the node (they hold it FOR SHARE); the reads below see them.
      if ((await em.query(`SELECT 1 FROM effect_nodes WHERE id = $1 FOR UPDATE`, [id])).length === 0) throw new NotFoundProblem('effect node', id);
      const [{ others }]: { others: string[] }[] = await em.query(
        `SELECT COALESCE(array_agg(DISTINCT COALESCE(i.title, g.title) ORDER BY COALESCE(i.title, g.title)), '{}') AS others
           FROM effect_links l
           JOIN effect_nodes f ON f.id = l.from_node_id
           LEFT JOIN initiatives i ON i.id = f.initiative_id
           LEFT JOIN goals g ON g.id = f.goal_id
          WHERE l.to_node_id = $1 AND (f.initiative_id IS DISTINCT FROM $2 OR f.goal_id IS DISTINCT FROM $3)`,
        [id, node.initiativeId, node.goalId],
      );
      if (others.length > 0) {
        throw new ConflictProblem(
          `Other chains link into this node (${others.join('; ')}); their links are theirs to remove before the node can be deleted.`,
        );
      }
      const [links]: [EffectLinkEntity[], number] = await em.query(
        `DELETE FROM effect_links WHERE from_node_id = $1 OR to_node_id = $1
         RETURNING id, from_node_id AS "fromNodeId", to_node_id AS "toNodeId", created_at AS "createdAt"`,
        [id],
      );
      await em.delete(EffectNodeEntity, { id });
      for (const link of links) await this.recordLink(em, ctx, 'delete', link, node.initiativeId);
      await this.audit.record(em, ctx, { action: 'delete', entityType: 'effect_node', entityId: id, initiativeId: node.initiativeId, before: node });
    });
  }

  async createLink(ctx: RequestContext, dto: CreateEffectLinkDto): Promise<EffectLinkEntity> {
    return this.dataSource.transaction(async (em) => {
      const from = await em.findOneBy(EffectNodeEntity, { id: dto.fromNodeId });
      const to = await em.findOneBy(EffectNodeEntity, { id: dto.toNodeId });
      const missing = [!from && { field: 'fromNodeId', message: 'no effect node with this id' }, !to && { field: 'toNodeId', message: 'no effect node with this id' }];
      if (!from || !to) throw new UnknownReferenceProblem(missing.filter((e) => e !== false));
      // A link belongs to the chain it starts in: writing it is writing that chain.
      await lockChainForWrite(em, ctx.actor, from);
      // Both ends are read again under FOR SHARE, in id order: a level change (FOR UPDATE) or delete of either waits
      // for this link, or this link for it, so no rule is judged on a level that is changing underneath.
      const locked: GraphNode[] = await em.query(
        `SELECT id, level, initiative_id AS "initiativeId", goal_id AS "goalId" FROM effect_nodes WHERE id IN ($1, $2) ORDER BY id FOR SHARE`,
        [from.id, to.id],
      );
      const lockedFrom = locked.find((n) => n.id === from.id);
      const lockedTo = locked.find((n) => n.id === to.id);
      if (!lockedFrom || !lockedTo) throw new UnknownReferenceProblem([{ field: lockedFrom ? 'toNodeId' : 'fromNodeId', message: 'the effect node was deleted meanwhile' }]);
      const reach = lockedFrom.initiativeId !== null && lockedTo.goalId !== null ? await goalsInReach(em, lockedFrom.initiativeId) : new Set<string>();
      assertNoBreaches(linkBreaches(lockedFrom, lockedTo, reach), 'toNodeId');
      if (await em.existsBy(EffectLinkEntity, { fromNodeId: from.id, toNodeId: to.id })) {
        throw new ConflictProblem('These two nodes are already linked.', [{ field: 'toNodeId', message: 'already linked from this node' }]);
      }
      const link = await em.save(em.create(EffectLinkEntity, { fromNodeId: from.id, toNodeId: to.id }));
      await this.recordLink(em, ctx, 'create', link, from.initiativeId);
      return link;
    });
  }

  async removeLink(ctx: RequestContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const link = await em.findOneBy(EffectLinkEntity, { id });
      if (!link) throw new NotFoundProblem('effect link', id);
      const from = await em.findOneByOrFail(EffectNodeEntity, { id: link.fromNodeId });
      await lockChainForWrite(em, ctx.actor, from);
      const deleted = await em.delete(EffectLinkEntity, { id });
      if (deleted.affected !== 1) throw new NotFoundProblem('effect link', id);
      await this.recordLink(em, ctx, 'delete', link, from.initiativeId);
    });
  }

  /**
   * An initiative's or a goal's chain, with the nodes of other chains its links point into. A goal's graph names, for
   * each node, the initiatives that contribute to it: those with a node that has a path to it, through any chain.
   * Three statements whatever the size (owner, nodes with contributors, links).
   */
  async graph(kind: OwnerKind, ownerId: string): Promise<EffectGraph> {
    const [owner]: ChainOwnerRef[] = await this.dataSource.query(`SELECT $2::text AS kind, id, code, title FROM ${OWNER_TABLE[kind]} WHERE id = $1`, [ownerId, kind]);
    if (!owner) throw new NotFoundProblem(kind, ownerId);
    const column = OWNER_COLUMN[kind];
    const withContributors = kind === 'goal';
    const nodes: EffectGraphNode[] = await this.dataSource.query(
      `WITH RECURSIVE own AS (SELECT id FROM effect_nodes WHERE ${column} = $1),
       graph_nodes AS (
         SELECT id FROM own
         UNION
         SELECT l.to_node_id FROM effect_links l JOIN own o ON o.id = l.from_node_id
       ),
       -- Every (node of the graph, node with a path to it); UNION ends the walk, as the levels keep the graph acyclic.
       upstream(target_id, node_id) AS (
         SELECT id, id FROM graph_nodes WHERE $2
         UNION
         SELECT u.target_id, l.from_node_id FROM upstream u JOIN effect_links l ON l.to_node_id = u.node_id
       ),
       contributions AS (
         SELECT DISTINCT u.target_id, i.id, i.code, i.title
           FROM upstream u JOIN effect_nodes s ON s.id = u.node_id JOIN initiatives i ON i.id = s.initiative_id
       )
       SELECT n.id, n.level, n.title, n.description, n.initiative_id AS "initiativeId", n.goal_id AS "goalId", n.version,
              jsonb_build_object(
                'kind', CASE WHEN n.initiative_id IS NULL THEN 'goal' ELSE 'initiative' END,
                'id', COALESCE(i.id, g.id), 'code', COALESCE(i.code, g.code), 'title', COALESCE(i.title, g.title)
              ) AS owner,
              CASE WHEN $2 THEN COALESCE(
                (SELECT jsonb_agg(jsonb_build_object('id', c.id, 'code', c.code, 'title', c.title) ORDER BY c.code, c.id)
                   FROM contributions c WHERE c.target_id = n.id),
                '[]'::jsonb) END AS contributors,
              COALESCE(
                (SELECT jsonb_agg(jsonb_build_object('id', ind.id, 'code', ind.code, 'name', ind.name) ORDER BY ind.code, ind.id)
                   FROM indicator_effect_nodes ien JOIN indicators ind ON ind.id = ien.indicator_id WHERE ien.effect_node_id = n.id),
                '[]'::jsonb) AS indicators
         FROM graph_nodes gn
         JOIN effect_nodes n ON n.id = gn.id
         LEFT JOIN initiatives i ON i.id = n.initiative_id
         LEFT JOIN goals g ON g.id = n.goal_id`,
      [ownerId, withContributors],
    );
    const links: EffectGraphLink[] = await this.dataSource.query(
      `SELECT l.id, l.from_node_id AS "fromNodeId", l.to_node_id AS "toNodeId"
         FROM effect_links l JOIN effect_nodes f ON f.id = l.from_node_id
        WHERE f.${column} = $1`,
      [ownerId],
    );
    const graph = inStableOrder({
      owner,
      nodes: nodes.map(({ contributors, ...node }) => (withContributors ? { ...node, contributors: contributors ?? [] } : node)),
      links,
    });
    return kind === 'initiative' ? { ...graph, goalChains: await this.goalChainsInReach(ownerId) } : graph;
  }

  /**
   * The goal chains an initiative's nodes may link into (the reach createLink judges by), those with any node, so a
   * screen can offer their nodes without knowing the rule: by the goal's place in the tree, top down, then title.
   */
  private goalChainsInReach(initiativeId: string): Promise<ChainOwnerRef[]> {
    return this.dataSource.query(
      `WITH RECURSIVE reach(id, depth) AS (
         SELECT goal_id, 0 FROM initiative_goals WHERE initiative_id = $1
         UNION
         SELECT g.parent_id, r.depth + 1 FROM goals g JOIN reach r ON g.id = r.id WHERE g.parent_id IS NOT NULL
       )
       SELECT 'goal' AS kind, g.id, g.code, g.title
         FROM goals g JOIN (SELECT id, max(depth) AS depth FROM reach GROUP BY id) r ON r.id = g.id
        WHERE EXISTS (SELECT 1 FROM effect_nodes n WHERE n.goal_id = g.id)
        ORDER BY r.depth DESC, g.title, g.id`,
      [initiativeId],
    );
  }

  private async assertOwnerExists(em: EntityManager, owner: ChainOwner): Promise<void> {
    const [kind, id] = owner.initiativeId !== null ? (['initiative', owner.initiativeId] as const) : (['goal', owner.goalId!] as const);
    const rows: unknown[] = await em.query(`SELECT 1 FROM ${OWNER_TABLE[kind]} WHERE id = $1`, [id]);
    if (rows.length === 0) throw new UnknownReferenceProblem([{ field: `${kind}Id`, message: `no ${kind} with this id` }]);
  }

  private recordLink(em: EntityManager, ctx: RequestContext, action: 'create' | 'delete', link: EffectLinkEntity, initiativeId: string | null) {
    const values = { fromNodeId: link.fromNodeId, toNodeId: link.toNodeId };
    return this.audit.record(em, ctx, {
      action,
      entityType: 'effect_link',
      entityId: link.id,
      initiativeId,
      ...(action === 'create' ? { after: values } : { before: values }),
    });
  }
}

/** Exactly one owner; both or neither is a malformed request (400), before anything is read. */
function chainOwnerOf(dto: CreateEffectNodeDto): ChainOwner {
  if ((dto.initiativeId === undefined) === (dto.goalId === undefined)) {
    const message = 'give exactly one of initiativeId and goalId';
    throw new ValidationProblem([
      { field: 'initiativeId', message },
      { field: 'goalId', message },
    ]);
  }
  return { initiativeId: dto.initiativeId ?? null, goalId: dto.goalId ?? null };
}

/**
 * The goals whose chains an initiative's nodes may link into: the goals it is linked to and every goal above them
 * (its priority area, the MRP goals above that …). The tree's shape is held still (shared advisory lock; a goal is
 * moved under the exclusive one) while the answer is used.
 */
async function goalsInReach(em: EntityManager, initiativeId: string): Promise<Set<string>> {
  await em.query(`SELECT pg_advisory_xact_lock_shared(hashtext('samla.goals.tree'))`);
  const rows: { id: string }[] = await em.query(
    `WITH RECURSIVE reach(id) AS (
       SELECT goal_id FROM initiative_goals WHERE initiative_id = $1
       UNION
       SELECT g.parent_id FROM goals g JOIN reach r ON g.id = r.id WHERE g.parent_id IS NOT NULL
     )
     SELECT id FROM reach`,
    [initiativeId],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Locks the node and every node linked to it (FOR UPDATE, in id order, one statement so two level changes of linked
 * nodes queue instead of deadlocking) and answers the links with the other ends' current levels. Links created while
 * the lock was awaited are seen by the re-read; if one brought a node not yet locked, the loop locks it too.
 */
async function lockNeighbourhood(em: EntityManager, id: string): Promise<NeighbourLink[]> {
  const neighbourSql = `SELECT l.to_node_id AS id, 'out' AS direction, n.level FROM effect_links l JOIN effect_nodes n ON n.id = l.to_node_id WHERE l.from_node_id = $1
                        UNION ALL
                        SELECT l.from_node_id, 'in', n.level FROM effect_links l JOIN effect_nodes n ON n.id = l.from_node_id WHERE l.to_node_id = $1`;
  let locked = new Set<string>();
  for (;;) {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM effect_nodes WHERE id = $1 OR id IN (SELECT id FROM (${neighbourSql}) nb) ORDER BY id FOR UPDATE`,
      [id],
    );
    locked = new Set([...locked, ...rows.map((r) => r.id)]);
    const links: (NeighbourLink & { id: string })[] = await em.query(neighbourSql, [id]);
    if (links.every((link) => locked.has(link.id))) return links;
  }
}
