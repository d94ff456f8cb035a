import type { EffectGraphNode, EffectLevel } from '../api/results-queries';

/** The API's levels, first to last: a link may only point to a later one. */
export const EFFECT_LEVELS: readonly EffectLevel[] = [
  'activity',
  'output',
  'short_term_outcome',
  'long_term_outcome',
  'impact',
];

/** The levels an indicator can measure (the API refuses the others). */
export const MEASURABLE_LEVELS: ReadonlySet<EffectLevel> = new Set([
  'short_term_outcome',
  'long_term_outcome',
  'impact',
]);

export const levelRank = (level: EffectLevel) => EFFECT_LEVELS.indexOf(level);

type Graph = {
  nodes: readonly EffectGraphNode[];
  links: readonly { id: string; fromNodeId: string; toNodeId: string }[];
};

/**
 * Where a node may link to: nodes of a later level, in its own chain or in a shared chain, that it does not link to
 * yet. The API judges every link again; this only keeps the choice to the ones that can be right (forward only).
 */
export function linkTargets(
  from: EffectGraphNode,
  candidates: readonly EffectGraphNode[],
  links: Graph['links'],
): EffectGraphNode[] {
  const linked = new Set(links.filter((link) => link.fromNodeId === from.id).map((link) => link.toNodeId));
  const seen = new Set<string>();
  return candidates.filter((node) => {
    if (seen.has(node.id) || linked.has(node.id) || levelRank(node.level) <= levelRank(from.level)) return false;
    seen.add(node.id);
    return true;
  });
}

/** The nodes of a graph by level, in the API's order (level, then title). */
export function nodesByLevel(nodes: readonly EffectGraphNode[]): Map<EffectLevel, EffectGraphNode[]> {
  const byLevel = new Map<EffectLevel, EffectGraphNode[]>(EFFECT_LEVELS.map((level) => [level, []]));
  for (const node of nodes) byLevel.get(node.level)?.push(node);
  return byLevel;
}
