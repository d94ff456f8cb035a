import type { EffectGraphNode, EffectLevel } from '../api/results-queries';
import { EFFECT_LEVELS } from './effect-levels';

export const DIAGRAM = {
  nodeWidth: 176,
  nodeHeight: 68,
  gapX: 20,
  gapY: 56,
  padding: 12,
  rowLabel: 22,
  charsPerLine: 22,
  maxLines: 3,
} as const;

export type DiagramNode = { id: string; x: number; y: number; lines: string[]; shared: boolean };
export type DiagramRow = { level: EffectLevel; y: number };
export type DiagramEdge = { id: string; d: string };
export type DiagramLayout = {
  width: number;
  height: number;
  rows: DiagramRow[];
  nodes: DiagramNode[];
  edges: DiagramEdge[];
};

/**
 * A title in at most `maxLines` lines of about `perLine` characters, broken between words (a word longer than a line
 * is cut); what does not fit ends in "…". SVG text does not wrap by itself.
 */
export function wrapLabel(
  title: string,
  perLine: number = DIAGRAM.charsPerLine,
  maxLines: number = DIAGRAM.maxLines,
): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= perLine) {
      current = next;
      continue;
    }
    if (current) lines.push(current);
    current = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= perLine ? last.slice(0, perLine - 1) : last}…`;
  return kept;
}

/**
 * The effect logic drawn top down, one row per level that has nodes (activities first, as in the list), each row
 * centred, the initiative's own nodes before the shared chains' nodes; links as curves from the bottom of a node to
 * the top of the one it leads to. Pure, so the layout is tested without a browser.
 */
export function layoutDiagram(
  graph: { nodes: readonly EffectGraphNode[]; links: readonly { id: string; fromNodeId: string; toNodeId: string }[] },
  ownerId: string,
): DiagramLayout {
  const { nodeWidth, nodeHeight, gapX, gapY, padding, rowLabel } = DIAGRAM;
  const levels = EFFECT_LEVELS.filter((level) => graph.nodes.some((node) => node.level === level));
  const rowsOfNodes = levels.map((level) => {
    const inLevel = graph.nodes.filter((node) => node.level === level);
    return [
      ...inLevel.filter((node) => node.owner.id === ownerId),
      ...inLevel.filter((node) => node.owner.id !== ownerId),
    ];
  });
  const widest = Math.max(0, ...rowsOfNodes.map((row) => row.length));
  // At least two nodes wide: a chain of single nodes keeps its row labels clear of the links down the middle.
  const columns = Math.max(2, widest);
  const width = columns * nodeWidth + (columns - 1) * gapX + 2 * padding;
  const rowHeight = rowLabel + nodeHeight + gapY;
  const rows: DiagramRow[] = levels.map((level, index) => ({ level, y: padding + index * rowHeight }));
  const nodes: DiagramNode[] = rowsOfNodes.flatMap((row, index) => {
    const rowWidth = row.length * nodeWidth + (row.length - 1) * gapX;
    const left = (width - rowWidth) / 2;
    const y = rows[index]!.y + rowLabel;
    return row.map((node, column) => ({
      id: node.id,
      x: left + column * (nodeWidth + gapX),
      y,
      lines: wrapLabel(node.title),
      shared: node.owner.id !== ownerId,
    }));
  });
  const at = new Map(nodes.map((node) => [node.id, node]));
  const edges: DiagramEdge[] = graph.links.flatMap((link) => {
    const from = at.get(link.fromNodeId);
    const to = at.get(link.toNodeId);
    if (!from || !to) return [];
    const [x1, y1] = [from.x + nodeWidth / 2, from.y + nodeHeight];
    const [x2, y2] = [to.x + nodeWidth / 2, to.y];
    const bend = (y2 - y1) / 2;
    return [{ id: link.id, d: `M${x1} ${y1} C${x1} ${y1 + bend} ${x2} ${y2 - bend} ${x2} ${y2}` }];
  });
  const height = levels.length === 0 ? 0 : padding * 2 + levels.length * rowHeight - gapY;
  return { width, height, rows, nodes, edges };
}
