import type { components } from './api-schema';

type TreeNode = components['schemas']['GoalTreeNodeDto'];
export type ChainGoal = Pick<TreeNode, 'id' | 'code' | 'title' | 'level'>;

/**
 * Each of the initiative's goals with the goals above it, from the top of the tree (Agenda 2030) down to the goal
 * itself. A goal the tree does not hold (it may have ended) stands alone.
 */
export function goalChains(
  tree: readonly TreeNode[],
  goals: readonly { id: string; code: string; title: string }[],
): ChainGoal[][] {
  const parents = new Map<string, { node: TreeNode; parent: TreeNode | null }>();
  const visit = (node: TreeNode, parent: TreeNode | null) => {
    parents.set(node.id, { node, parent });
    for (const child of node.children) visit(child, node);
  };
  for (const root of tree) visit(root, null);
  return goals.map((goal) => {
    const chain: ChainGoal[] = [];
    let entry = parents.get(goal.id);
    if (!entry) return [{ id: goal.id, code: goal.code, title: goal.title, level: 'sub_goal' }];
    const seen = new Set<string>();
    while (entry && !seen.has(entry.node.id)) {
      seen.add(entry.node.id);
      const { id, code, title, level } = entry.node;
      chain.unshift({ id, code, title, level });
      entry = entry.parent ? parents.get(entry.parent.id) : undefined;
    }
    return chain;
  });
}
