// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { components } from '../../../lib/api-schema';
import { effectTree, type EffectTreeNode } from './effect-tree';

type GraphNode = components['schemas']['EffectGraphNodeDto'];

const owner = { kind: 'initiative' as const, id: 'i', code: 'SSPF', title: 'SSPF' };
const node = (id: string, level: GraphNode['level']): GraphNode => ({
  id,
  level,
  title: id,
  description: null,
  initiativeId: 'i',
  goalId: null,
  owner,
  version: 1,
  indicators: [],
});
const shape = (nodes: EffectTreeNode[]): unknown[] => nodes.map((n) => ({ [n.node.id]: shape(n.children) }));

describe('effectTree', () => {
  it('should nest activity → output → outcomes → impact from the links', () => {
    const nodes = [
      node('akt', 'activity'),
      node('pre', 'output'),
      node('kort', 'short_term_outcome'),
      node('lang', 'long_term_outcome'),
      node('effekt', 'impact'),
    ];
    const links = [
      ['akt', 'pre'],
      ['pre', 'kort'],
      ['kort', 'lang'],
      ['lang', 'effekt'],
    ].map(([fromNodeId, toNodeId], i) => ({ id: String(i), fromNodeId: fromNodeId!, toNodeId: toNodeId! }));

    expect(shape(effectTree({ nodes, links }))).toEqual([{ akt: [{ pre: [{ kort: [{ lang: [{ effekt: [] }] }] }] }] }]);
  });

  it('should put a node two others lead to under both, and cut a cycle', () => {
    const nodes = [node('a', 'activity'), node('b', 'activity'), node('x', 'output')];
    const links = [
      { id: '1', fromNodeId: 'a', toNodeId: 'x' },
      { id: '2', fromNodeId: 'b', toNodeId: 'x' },
    ];

    expect(shape(effectTree({ nodes, links }))).toEqual([{ a: [{ x: [] }] }, { b: [{ x: [] }] }]);
    expect(
      effectTree({
        nodes: [node('p', 'output'), node('q', 'output')],
        links: [
          { id: '1', fromNodeId: 'p', toNodeId: 'q' },
          { id: '2', fromNodeId: 'q', toNodeId: 'p' },
        ],
      }),
    ).toEqual([]);
  });
});
