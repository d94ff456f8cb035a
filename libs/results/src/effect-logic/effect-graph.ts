import { effectLevelRank } from './effect-graph.rules.js';
import type { EffectLevel } from './effect-node.entity.js';

/** Who a chain belongs to, as a graph shows it. */
export type ChainOwnerRef = { kind: 'initiative' | 'goal'; id: string; code: string; title: string };

/** An initiative with a node that has a path to the node (design: "contributes"). */
export type ContributorRef = { id: string; code: string; title: string };

/** An indicator that measures a node. */
export type MeasuredByRef = { id: string; code: string; name: string };

export type EffectGraphNode = {
  id: string;
  level: EffectLevel;
  title: string;
  description: string | null;
  initiativeId: string | null;
  goalId: string | null;
  owner: ChainOwnerRef;
  version: number;
  /** The indicators that measure the node, by code. */
  indicators: MeasuredByRef[];
  /** Goal graphs only: the initiatives contributing to this node. */
  contributors?: ContributorRef[];
};

export type EffectGraphLink = { id: string; fromNodeId: string; toNodeId: string };

/**
 * One chain with what it links into: the owner's nodes, the nodes of other chains its links point to, and those
 * links. Nodes come by level, then title, then id; links in the order of their ends, so the same graph always reads
 * (and renders) the same.
 */
export type EffectGraph = {
  owner: ChainOwnerRef;
  nodes: EffectGraphNode[];
  links: EffectGraphLink[];
  /** Initiative graphs only: the goal chains its nodes may link into (its goals and those above them, with nodes). */
  goalChains?: ChainOwnerRef[];
};

export function compareNodes(
  a: Pick<EffectGraphNode, 'level' | 'title' | 'id'>,
  b: Pick<EffectGraphNode, 'level' | 'title' | 'id'>,
): number {
  return (
    effectLevelRank(a.level) - effectLevelRank(b.level) ||
    a.title.localeCompare(b.title, 'sv') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Sorts nodes and links into the stable order described on EffectGraph. */
export function inStableOrder(graph: EffectGraph): EffectGraph {
  const nodes = [...graph.nodes].sort(compareNodes);
  const position = new Map(nodes.map((node, index) => [node.id, index]));
  const at = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  const links = [...graph.links].sort((a, b) => at(a.fromNodeId) - at(b.fromNodeId) || at(a.toNodeId) - at(b.toNodeId));
  return { ...graph, nodes, links };
}
