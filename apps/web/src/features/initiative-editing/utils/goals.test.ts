// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { components } from '../../../lib/api-schema';
import { goalsWithChains, matchesGoal } from './goals';

type TreeNode = components['schemas']['GoalTreeNodeDto'];
const goal = (id: string, title: string, level: TreeNode['level'], children: TreeNode[] = []): TreeNode => ({
  id,
  code: id.toUpperCase(),
  title,
  level,
  framework: 'MRP',
  version: 1,
  createdAt: '',
  updatedAt: '',
  children,
});

describe('the goal picker’s tree', () => {
  const tree = [
    goal('sdg10', 'Minskad ojämlikhet', 'agenda2030', [
      goal('mrp', 'Jämlika livsvillkor', 'priority_goal', [
        goal('fp-1', 'Fler hittar vägen till jobb', 'priority_area'),
      ]),
    ]),
  ];

  it('should list every goal depth first with its chain from the top', () => {
    const goals = goalsWithChains(tree);
    expect(goals.map((g) => [g.id, g.chain.map((c) => c.id)])).toEqual([
      ['sdg10', ['sdg10']],
      ['mrp', ['sdg10', 'mrp']],
      ['fp-1', ['sdg10', 'mrp', 'fp-1']],
    ]);
  });

  it('should find a goal by every word of the search, in its code or title, in any case', () => {
    const [, , fp1] = goalsWithChains(tree);
    expect(matchesGoal(fp1!, 'vägen JOBB')).toBe(true);
    expect(matchesGoal(fp1!, 'fp-1')).toBe(true);
    expect(matchesGoal(fp1!, 'jobb skola')).toBe(false);
    expect(matchesGoal(fp1!, '')).toBe(true);
  });
});
