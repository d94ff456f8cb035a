import type { EffectGraph, EffectGraphNode } from './effect-graph.js';
import { escapeMermaidText, renderMermaid } from './effect-graph.mermaid.js';

const INITIATIVE = { kind: 'initiative', id: 'i1', code: 'FTC', title: 'Framtidscentrum' } as const;
const PRIORITY_AREA = { kind: 'goal', id: 'g1', code: 'PO3', title: 'Arbete och utbildning' } as const;

const node = (
  id: string,
  level: EffectGraphNode['level'],
  title: string,
  owner: EffectGraphNode['owner'] = INITIATIVE,
): EffectGraphNode => ({
  id,
  level,
  title,
  description: null,
  initiativeId: owner.kind === 'initiative' ? owner.id : null,
  goalId: owner.kind === 'goal' ? owner.id : null,
  owner,
  version: 1,
  indicators: [],
});

describe('renderMermaid', () => {
  const graph: EffectGraph = {
    owner: INITIATIVE,
    // Deliberately out of order: the renderer orders by level, then title.
    nodes: [
      node('c', 'long_term_outcome', 'Fler unga i arbete', PRIORITY_AREA),
      node('b', 'output', 'Samtal med 200 unga'),
      node('a2', 'activity', 'Vägledning'),
      node('a1', 'activity', 'Uppsökande arbete'),
    ],
    links: [
      { id: 'l2', fromNodeId: 'b', toNodeId: 'c' },
      { id: 'l1', fromNodeId: 'a2', toNodeId: 'b' },
      { id: 'l0', fromNodeId: 'a1', toNodeId: 'b' },
    ],
  };

  it('should render a flowchart LR with a subgraph per level, nodes in stable order and dashed nodes of other chains', () => {
    expect(renderMermaid(graph)).toBe(
      [
        'flowchart LR',
        '  %% Effektlogik: Framtidscentrum',
        '  subgraph activity["Aktiviteter"]',
        '    direction TB',
        '    n1["Uppsökande arbete"]',
        '    n2["Vägledning"]',
        '  end',
        '  subgraph output["Prestationer"]',
        '    direction TB',
        '    n3["Samtal med 200 unga"]',
        '  end',
        '  subgraph long_term_outcome["Långsiktiga effekter"]',
        '    direction TB',
        '    n4["Fler unga i arbete<br/>#40;Arbete och utbildning#41;"]',
        '  end',
        '  n1 --> n3',
        '  n2 --> n3',
        '  n3 --> n4',
        '  classDef otherChain stroke-dasharray: 5 5',
        '  class n4 otherChain',
        '',
      ].join('\n'),
    );
  });

  it('should render the same text whatever order nodes and links arrive in', () => {
    const shuffled = { ...graph, nodes: [...graph.nodes].reverse(), links: [...graph.links].reverse() };
    expect(renderMermaid(shuffled)).toBe(renderMermaid(graph));
  });

  it("should list the contributing initiatives under a goal chain's node", () => {
    const goalGraph: EffectGraph = {
      owner: PRIORITY_AREA,
      nodes: [
        {
          ...node('g', 'short_term_outcome', 'Fler unga studerar', PRIORITY_AREA),
          contributors: [
            { id: 'i1', code: 'FTC', title: 'Framtidscentrum' },
            { id: 'i2', code: 'ABJ', title: 'Alla behövs i jobb' },
          ],
        },
      ],
      links: [],
    };
    expect(renderMermaid(goalGraph)).toContain(
      '    n1["Fler unga studerar<br/>Bidragande insatser: Framtidscentrum, Alla behövs i jobb"]',
    );
    expect(renderMermaid(goalGraph)).not.toContain('classDef');
  });

  it('should render an empty chain as a bare flowchart', () => {
    expect(renderMermaid({ owner: INITIATIVE, nodes: [], links: [] })).toBe(
      'flowchart LR\n  %% Effektlogik: Framtidscentrum\n',
    );
  });
});

describe('escapeMermaidText', () => {
  it('should turn quotes, brackets and other syntax into entity codes so a title cannot end its label', () => {
    expect(escapeMermaidText('Projektet "Unga [16–24]" (fas 2) {a|b} <x> & #1')).toBe(
      'Projektet #quot;Unga #91;16–24#93;#quot; #40;fas 2#41; #123;a#124;b#125; #lt;x#gt; #amp; #35;1',
    );
  });

  it('should put a title with line breaks on one line', () => {
    expect(escapeMermaidText('Rad ett\nrad två')).toBe('Rad ett rad två');
  });
});
