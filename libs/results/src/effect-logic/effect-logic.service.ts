import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ConflictProblem,
  execute,
  NotFoundProblem,
  queryOne,
  queryRow,
  queryRows,
  UnknownReferenceProblem,
  updateVersioned,
  ValidationProblem,
} from '#common';
import { AuditService, type RequestContext } from '#identity';
import { assertLevelKeepsIndicators } from '../indicators/indicator-links.js';
import type { CreateEffectLinkDto, CreateEffectNodeDto, UpdateEffectNodeDto } from './dto/effect-logic.dto.js';
import { lockChainForWrite, type ChainOwner } from './effect-chain-access.js';
import { inStableOrder, type ChainOwnerRef, type EffectGraph } from './effect-graph.js';
import { assertNoBreaches, levelChangeBreaches, linkBreaches, type NeighbourLink } from './effect-graph.rules.js';
import {
  chainOwnerSql,
  DELETE_NODE_LINKS_SQL,
  GOAL_CHAINS_IN_REACH_SQL,
  GOALS_IN_REACH_SQL,
  graphLinksSql,
  graphNodesSql,
  LOCK_LINK_ENDS_SQL,
  LOCK_NEIGHBOURHOOD_SQL,
  LOCK_NODE_SQL,
  NEIGHBOURS_SQL,
  OTHER_CHAINS_LINKING_IN_SQL,
  ownerExistsSql,
  SHARE_GOAL_TREE_SQL,
  type OwnerKind,
} from './effect-logic.sql.js';
import { EffectLinkEntity, EffectNodeEntity } from './effect-node.entity.js';

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
      const node = await em.save(
        em.create(EffectNodeEntity, {
          level: dto.level,
          title: dto.title,
          description: dto.description ?? null,
          ...owner,
        }),
      );
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'effect_node',
        entityId: node.id,
        initiativeId: node.initiativeId,
        after: node,
      });
      return node;
    });
  }

  async getNode(id: string): Promise<EffectNodeEntity> {
    const node = await this.dataSource.getRepository(EffectNodeEntity).findOneBy({ id });
    if (!node) throw new NotFoundProblem('effect node', id);
    return node;
  }

  async updateNode(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    dto: UpdateEffectNodeDto,
  ): Promise<EffectNodeEntity> {
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
      await this.audit.record(em, ctx, {
        action: 'update',
        entityType: 'effect_node',
        entityId: id,
        initiativeId: current.initiativeId,
        before: current,
        after,
      });
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
      if (!(await queryRow(em, LOCK_NODE_SQL, [id]))) throw new NotFoundProblem('effect node', id);
      const { others } = await queryOne(em, OTHER_CHAINS_LINKING_IN_SQL, [id, node.initiativeId, node.goalId]);
      if (others.length > 0) {
        throw new ConflictProblem(
          `Other chains link into this node (${others.join('; ')}); their links are theirs to remove before the node can be deleted.`,
        );
      }
      const links = await queryRows(em, DELETE_NODE_LINKS_SQL, [id]);
      await em.delete(EffectNodeEntity, { id });
      for (const link of links) await this.recordLink(em, ctx, 'delete', link, node.initiativeId);
      await this.audit.record(em, ctx, {
        action: 'delete',
        entityType: 'effect_node',
        entityId: id,
        initiativeId: node.initiativeId,
        before: node,
      });
    });
  }

  async createLink(ctx: RequestContext, dto: CreateEffectLinkDto): Promise<EffectLinkEntity> {
    return this.dataSource.transaction(async (em) => {
      const from = await em.findOneBy(EffectNodeEntity, { id: dto.fromNodeId });
      const to = await em.findOneBy(EffectNodeEntity, { id: dto.toNodeId });
      const missing = [
        !from && { field: 'fromNodeId', message: 'no effect node with this id' },
        !to && { field: 'toNodeId', message: 'no effect node with this id' },
      ];
      if (!from || !to) throw new UnknownReferenceProblem(missing.filter((e) => e !== false));
      // A link belongs to the chain it starts in: writing it is writing that chain.
      await lockChainForWrite(em, ctx.actor, from);
      // Both ends are read again under FOR SHARE, in id order: a level change (FOR UPDATE) or delete of either waits
      // for this link, or this link for it, so no rule is judged on a level that is changing underneath.
      const locked = await queryRows(em, LOCK_LINK_ENDS_SQL, [from.id, to.id]);
      const lockedFrom = locked.find((n) => n.id === from.id);
      const lockedTo = locked.find((n) => n.id === to.id);
      if (!lockedFrom || !lockedTo)
        throw new UnknownReferenceProblem([
          { field: lockedFrom ? 'toNodeId' : 'fromNodeId', message: 'the effect node was deleted meanwhile' },
        ]);
      const reach =
        lockedFrom.initiativeId !== null && lockedTo.goalId !== null
          ? await goalsInReach(em, lockedFrom.initiativeId)
          : new Set<string>();
      assertNoBreaches(linkBreaches(lockedFrom, lockedTo, reach), 'toNodeId');
      if (await em.existsBy(EffectLinkEntity, { fromNodeId: from.id, toNodeId: to.id })) {
        throw new ConflictProblem('These two nodes are already linked.', [
          { field: 'toNodeId', message: 'already linked from this node' },
        ]);
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
    const owner = await queryRow(this.dataSource, chainOwnerSql(kind), [ownerId, kind]);
    if (!owner) throw new NotFoundProblem(kind, ownerId);
    const withContributors = kind === 'goal';
    const nodes = await queryRows(this.dataSource, graphNodesSql(kind), [ownerId, withContributors]);
    const links = await queryRows(this.dataSource, graphLinksSql(kind), [ownerId]);
    const graph = inStableOrder({
      owner,
      nodes: nodes.map(({ contributors, ...node }) =>
        withContributors ? { ...node, contributors: contributors ?? [] } : node,
      ),
      links,
    });
    return kind === 'initiative' ? { ...graph, goalChains: await this.goalChainsInReach(ownerId) } : graph;
  }

  /**
   * The goal chains an initiative's nodes may link into (the reach createLink judges by), those with any node, so a
   * screen can offer their nodes without knowing the rule: by the goal's place in the tree, top down, then title.
   */
  private goalChainsInReach(initiativeId: string): Promise<ChainOwnerRef[]> {
    return queryRows(this.dataSource, GOAL_CHAINS_IN_REACH_SQL, [initiativeId]);
  }

  private async assertOwnerExists(em: EntityManager, owner: ChainOwner): Promise<void> {
    const [kind, id] =
      owner.initiativeId !== null ? (['initiative', owner.initiativeId] as const) : (['goal', owner.goalId!] as const);
    if (!(await queryRow(em, ownerExistsSql(kind), [id])))
      throw new UnknownReferenceProblem([{ field: `${kind}Id`, message: `no ${kind} with this id` }]);
  }

  private recordLink(
    em: EntityManager,
    ctx: RequestContext,
    action: 'create' | 'delete',
    link: EffectLinkEntity,
    initiativeId: string | null,
  ) {
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
  await execute(em, SHARE_GOAL_TREE_SQL);
  const rows = await queryRows(em, GOALS_IN_REACH_SQL, [initiativeId]);
  return new Set(rows.map((r) => r.id));
}

/**
 * Locks the node and every node linked to it (FOR UPDATE, in id order, one statement so two level changes of linked
 * nodes queue instead of deadlocking) and answers the links with the other ends' current levels. Links created while
 * the lock was awaited are seen by the re-read; if one brought a node not yet locked, the loop locks it too.
 */
async function lockNeighbourhood(em: EntityManager, id: string): Promise<NeighbourLink[]> {
  let locked = new Set<string>();
  for (;;) {
    const rows = await queryRows(em, LOCK_NEIGHBOURHOOD_SQL, [id]);
    locked = new Set([...locked, ...rows.map((r) => r.id)]);
    const links = await queryRows(em, NEIGHBOURS_SQL, [id]);
    if (links.every((link) => locked.has(link.id))) return links;
  }
}
