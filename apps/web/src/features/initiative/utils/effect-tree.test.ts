// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { components } from '../../../lib/api-schema';
import { effectTree, type EffectTreeNode } from './effect-tree';
import { goalChains } from './goal-chains';

type GraphNode = components['schemas']['EffectGraphNodeDto'];
type TreeNode = components['schemas']['GoalTreeNodeDto'];

const owner = { kind: 'initiative' as const, id: 'i', code: 'SSPF', title: 'SSPF' };
const node = (id: string, level: GraphNode['level']): GraphNode => ({ id, level, title: id, description: null, initiativeId: 'i', goalId: null, owner, version: 1, indicators: [] });
const shape = (nodes: EffectTreeNode[]): unknown[] => nodes.map((n) => ({ [n.node.id]: shape(n.children) }));

describe('effectTree', () => {
  it('should nest activity → output → outcomes → impact from the links', () => {
    const nodes = [node('akt', 'activity'), node('pre', 'output'), node('kort', 'short_term_outcome'), node('lang', 'long_term_outcome'), node('effekt', 'impact')];
    const links = [['akt', 'pre'], ['pre', 'kort'], ['kort', 'lang'], ['lang', 'effekt']].map(([fromNodeId, toNodeId], i) => ({ id: String(i), fromNodeId: fromNodeId!, toNodeId: toNodeId! }));

    expect(shape(effectTree({ nodes, links }))).toEqual([{ akt: [{ pre: [{ kort: [{ lang: [{ effekt: [] }] }] }] }] }]);
  });

  it('should put a node two others lead to under both, and cut a cycle', () => {
    const nodes = [node('a', 'activity'), node('b', 'activity'), node('x', 'output')];
    const links = [
      { id: '1', fromNodeId: 'a', toNodeId: 'x' },
      { id: '2', fromNodeId: 'b', toNodeId: 'x' },
    ];

    expect(shape(effectTree({ nodes, links }))).toEqual([{ a: [{ x: [] }] }, { b: [{ x: [] }] }]);
    expect(effectTree({ nodes: [node('p', 'output'), node('q', 'output')], links: [{ id: '1', fromNodeId: 'p', toNodeId: 'q' }, { id: '2', fromNodeId: 'q', toNodeId: 'p' }] })).toEqual([]);
  });
});

describe('goalChains', () => {
  const goal = (id: string, level: TreeNode['level'], children: TreeNode[] = []): TreeNode =>
    ({ id, code: id.toUpperCase(), title: `Mål ${id}`, level, framework: 'MRP', version: 1, createdAt: '', updatedAt: '', children }) as TreeNode;

  it('should give each goal its chain from Agenda 2030 down to itself', () => {
    const tree = [goal('sdg10', 'agenda2030', [goal('mrp', 'priority_goal', [goal('ks', 'committee_goal', [goal('fp3', 'priority_area')])])])];

    const chains = goalChains(tree, [{ id: 'fp3', code: 'FP3', title: 'Mål fp3' }, { id: 'gone', code: 'GONE', title: 'Upphört mål' }]);

    expect(chains.map((chain) => chain.map((g) => g.id))).toEqual([['sdg10', 'mrp', 'ks', 'fp3'], ['gone']]);
  });
});
