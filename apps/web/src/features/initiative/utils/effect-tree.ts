import type { components } from '../../../lib/api-schema';

type Graph = components['schemas']['EffectGraphDto'];
type GraphNode = components['schemas']['EffectGraphNodeDto'];

export type EffectTreeNode = { node: GraphNode; children: EffectTreeNode[] };

/**
 * The effect logic as nested lists, from each activity (a node nothing leads to) through what it leads to, down to
 * the impact. A node that two others lead to appears under both; a cycle, which the API refuses, is cut anyway.
 */
export function effectTree(graph: Pick<Graph, 'nodes' | 'links'>): EffectTreeNode[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const next = new Map<string, string[]>();
  const hasIncoming = new Set<string>();
  for (const link of graph.links) {
    if (!byId.has(link.fromNodeId) || !byId.has(link.toNodeId)) continue;
    next.set(link.fromNodeId, [...(next.get(link.fromNodeId) ?? []), link.toNodeId]);
    hasIncoming.add(link.toNodeId);
  }
  const build = (node: GraphNode, path: Set<string>): EffectTreeNode => {
    const inPath = new Set(path).add(node.id);
    const children = (next.get(node.id) ?? [])
      .filter((id) => !inPath.has(id))
      .map((id) => build(byId.get(id)!, inPath));
    return { node, children };
  };
  return graph.nodes.filter((node) => !hasIncoming.has(node.id)).map((node) => build(node, new Set()));
}
