import type { EffectLevel } from './effect-node.entity.js';
import { EFFECT_LEVELS } from './effect-node.entity.js';
import { inStableOrder, type EffectGraph, type EffectGraphNode } from './effect-graph.js';

/** Swedish headings, as the chart goes into Swedish reports. */
const LEVEL_HEADINGS: Record<EffectLevel, string> = {
  activity: 'Aktiviteter',
  output: 'Prestationer',
  short_term_outcome: 'Kortsiktiga effekter',
  long_term_outcome: 'Långsiktiga effekter',
  impact: 'Samhällseffekter',
};

/**
 * Mermaid entity codes for every character that could end a label or be read as syntax. `#` goes first, so the
 * codes written for the others are not escaped again.
 */
const ESCAPES: [RegExp, string][] = [
  [/#/g, '#35;'],
  [/"/g, '#quot;'],
  [/\[/g, '#91;'],
  [/\]/g, '#93;'],
  [/\(/g, '#40;'],
  [/\)/g, '#41;'],
  [/\{/g, '#123;'],
  [/\}/g, '#125;'],
  [/</g, '#lt;'],
  [/>/g, '#gt;'],
  [/\|/g, '#124;'],
  [/&/g, '#amp;'],
  [/[\r\n\t]+/g, ' '],
];

export function escapeMermaidText(text: string): string {
  return ESCAPES.reduce((out, [pattern, code]) => out.replace(pattern, code), text);
}

/**
 * The graph as Mermaid `flowchart LR` text to paste into a report: one subgraph per level (left to right, empty
 * levels left out), nodes numbered n1, n2, … in the graph's stable order, nodes of other chains dashed and named with
 * their chain, and in a goal's graph the contributing initiatives under each node.
 */
export function renderMermaid(graph: EffectGraph): string {
  const { owner, nodes, links } = inStableOrder(graph);
  const ids = new Map(nodes.map((node, index) => [node.id, `n${index + 1}`]));
  const foreign = nodes.filter((node) => node.owner.id !== owner.id);
  const lines = ['flowchart LR', `  %% Effektlogik: ${escapeMermaidText(owner.title)}`];
  for (const level of EFFECT_LEVELS) {
    const inLevel = nodes.filter((node) => node.level === level);
    if (inLevel.length === 0) continue;
    lines.push(`  subgraph ${level}["${LEVEL_HEADINGS[level]}"]`, '    direction TB');
    for (const node of inLevel) lines.push(`    ${ids.get(node.id)}["${label(node, owner.id)}"]`);
    lines.push('  end');
  }
  for (const link of links) lines.push(`  ${ids.get(link.fromNodeId)} --> ${ids.get(link.toNodeId)}`);
  if (foreign.length > 0) {
    lines.push(
      '  classDef otherChain stroke-dasharray: 5 5',
      `  class ${foreign.map((node) => ids.get(node.id)).join(',')} otherChain`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function label(node: EffectGraphNode, ownerId: string): string {
  const parts = [escapeMermaidText(node.title)];
  if (node.owner.id !== ownerId) parts.push(`#40;${escapeMermaidText(node.owner.title)}#41;`);
  if (node.contributors?.length)
    parts.push(`Bidragande insatser: ${node.contributors.map((c) => escapeMermaidText(c.title)).join(', ')}`);
  return parts.join('<br/>');
}
