// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { EffectGraphNode } from '../api/results-queries';
import { DIAGRAM, layoutDiagram, wrapLabel } from './diagram-layout';
import { linkTargets } from './effect-levels';

const own = { kind: 'initiative' as const, id: 'i', code: 'FTC', title: 'Framtidscentrum' };
const shared = { kind: 'goal' as const, id: 'g', code: 'FP-1', title: 'Vägen till jobb' };
const node = (id: string, level: EffectGraphNode['level'], owner: EffectGraphNode['owner'] = own): EffectGraphNode => ({
  id,
  level,
  title: `Steg ${id}`,
  description: null,
  initiativeId: owner.kind === 'initiative' ? owner.id : null,
  goalId: owner.kind === 'goal' ? owner.id : null,
  owner,
  version: 1,
  indicators: [],
});
const link = (fromNodeId: string, toNodeId: string) => ({ id: `${fromNodeId}-${toNodeId}`, fromNodeId, toNodeId });

describe('wrapLabel', () => {
  it('should break between words within the line length', () => {
    expect(wrapLabel('Fler unga påbörjar studier eller arbete', 20)).toEqual([
      'Fler unga påbörjar',
      'studier eller arbete',
    ]);
  });

  it('should end with an ellipsis what does not fit in the lines allowed, and cut a word longer than a line', () => {
    expect(wrapLabel('ett två tre fyra fem sex', 7, 2)).toEqual(['ett två', 'tre…']);
    expect(wrapLabel('Arbetsmarknadsförvaltningen', 10, 3)).toEqual(['Arbetsmar…']);
  });
});

describe('layoutDiagram', () => {
  it('should draw one row per level with nodes, top down, skipping empty levels', () => {
    const layout = layoutDiagram(
      { nodes: [node('a', 'activity'), node('b', 'short_term_outcome')], links: [link('a', 'b')] },
      'i',
    );

    expect(layout.rows.map((row) => row.level)).toEqual(['activity', 'short_term_outcome']);
    const [a, b] = layout.nodes;
    expect(b!.y).toBeGreaterThan(a!.y + DIAGRAM.nodeHeight);
    expect(layout.height).toBeGreaterThan(b!.y + DIAGRAM.nodeHeight);
  });

  it('should put the own nodes before the shared chain’s in a row, mark the shared ones and centre each row', () => {
    const layout = layoutDiagram(
      {
        nodes: [node('g1', 'short_term_outcome', shared), node('o1', 'short_term_outcome'), node('a', 'activity')],
        links: [],
      },
      'i',
    );

    const row = layout.nodes.filter((n) => n.id !== 'a');
    expect(row.map((n) => [n.id, n.shared])).toEqual([
      ['o1', false],
      ['g1', true],
    ]);
    const single = layout.nodes.find((n) => n.id === 'a')!;
    expect(single.x + DIAGRAM.nodeWidth / 2).toBe(layout.width / 2);
    expect(layout.width).toBe(2 * DIAGRAM.nodeWidth + DIAGRAM.gapX + 2 * DIAGRAM.padding);
  });

  it('should grow as wide as its widest row', () => {
    const nodes = ['a', 'b', 'c'].map((id) => node(id, 'activity'));

    expect(layoutDiagram({ nodes, links: [] }, 'i').width).toBe(
      3 * DIAGRAM.nodeWidth + 2 * DIAGRAM.gapX + 2 * DIAGRAM.padding,
    );
  });

  it('should draw each link from the bottom of its start to the top of its end, and none to a node not drawn', () => {
    const layout = layoutDiagram(
      { nodes: [node('a', 'activity'), node('b', 'output')], links: [link('a', 'b'), link('a', 'gone')] },
      'i',
    );

    const [a, b] = layout.nodes;
    expect(layout.edges).toHaveLength(1);
    expect(layout.edges[0]!.d.startsWith(`M${a!.x + DIAGRAM.nodeWidth / 2} ${a!.y + DIAGRAM.nodeHeight} `)).toBe(true);
    expect(layout.edges[0]!.d.endsWith(` ${b!.x + DIAGRAM.nodeWidth / 2} ${b!.y}`)).toBe(true);
  });

  it('should be empty for an empty chain', () => {
    expect(layoutDiagram({ nodes: [], links: [] }, 'i')).toMatchObject({ height: 0, nodes: [], edges: [] });
  });
});

describe('linkTargets', () => {
  it('should offer only later levels, own or shared, not yet linked, each once', () => {
    const from = node('o', 'output');
    const candidates = [
      node('a', 'activity'),
      node('o2', 'output'),
      from,
      node('s', 'short_term_outcome'),
      node('l', 'long_term_outcome'),
      node('g', 'long_term_outcome', shared),
      node('g', 'long_term_outcome', shared),
    ];

    expect(linkTargets(from, candidates, [link('o', 's')]).map((n) => n.id)).toEqual(['l', 'g']);
  });
});
