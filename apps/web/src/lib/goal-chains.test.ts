// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { components } from './api-schema';
import { goalChains } from './goal-chains';

type TreeNode = components['schemas']['GoalTreeNodeDto'];

describe('goalChains', () => {
  const goal = (id: string, level: TreeNode['level'], children: TreeNode[] = []): TreeNode => ({
    id,
    code: id.toUpperCase(),
    title: `Mål ${id}`,
    level,
    framework: 'MRP',
    version: 1,
    createdAt: '',
    updatedAt: '',
    children,
  });

  it('should give each goal its chain from Agenda 2030 down to itself', () => {
    const tree = [
      goal('sdg10', 'agenda2030', [
        goal('mrp', 'priority_goal', [goal('ks', 'committee_goal', [goal('fp3', 'priority_area')])]),
      ]),
    ];

    const chains = goalChains(tree, [
      { id: 'fp3', code: 'FP3', title: 'Mål fp3' },
      { id: 'gone', code: 'GONE', title: 'Upphört mål' },
    ]);

    expect(chains.map((chain) => chain.map((g) => g.id))).toEqual([['sdg10', 'mrp', 'ks', 'fp3'], ['gone']]);
  });
});
