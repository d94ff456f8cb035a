import type { components } from '../../../lib/api-schema';
import { goalChains, type ChainGoal } from '../../../lib/goal-chains';

type TreeNode = components['schemas']['GoalTreeNodeDto'];

/** A goal of the tree with its chain from the top (Agenda 2030) down to itself. */
export type GoalWithChain = ChainGoal & { chain: ChainGoal[] };

function depthFirst(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((node) => [node, ...depthFirst(node.children)]);
}

/** Every goal of the tree, depth first (a parent before its children), each with its chain. */
export function goalsWithChains(tree: readonly TreeNode[]): GoalWithChain[] {
  const goals = depthFirst(tree);
  const chains = goalChains(tree, goals);
  return goals.map(({ id, code, title, level }, i) => ({ id, code, title, level, chain: chains[i]! }));
}

/** The search: every word typed found in the goal's code or title, in any case. */
export function matchesGoal(goal: Pick<ChainGoal, 'code' | 'title'>, query: string): boolean {
  const text = `${goal.code} ${goal.title}`.toLocaleLowerCase('sv');
  return query
    .toLocaleLowerCase('sv')
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}
