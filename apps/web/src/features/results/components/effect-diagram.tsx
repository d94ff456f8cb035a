import { useId } from 'react';
import type { EffectGraph } from '../api/results-queries';
import { resultsMessages } from '../messages';
import { DIAGRAM, layoutDiagram } from '../utils/diagram-layout';
import styles from './results.module.css';

const t = resultsMessages.effectLogic;

/**
 * The chain as a picture beside the list: one image to assistive technology, named and summarised (the list is its
 * accessible equivalent and the place to act), never a keyboard stop. Shared chains' nodes are dashed, not coloured.
 */
export function EffectDiagram({ graph }: { graph: EffectGraph }) {
  const titleId = useId();
  const descId = useId();
  const markerId = `${useId().replace(/:/g, '')}-pil`;
  const layout = layoutDiagram(graph, graph.owner.id);
  if (layout.nodes.length === 0) return <p className={styles.muted}>{t.diagramEmpty}</p>;
  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      className={styles.diagram}
      data-testid="effektlogik-diagram"
    >
      <title id={titleId}>{t.diagramTitle}</title>
      <desc id={descId}>{t.diagramSummary(layout.nodes.length, layout.edges.length)}</desc>
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 0 10 5 0 10z" className={styles.arrowHead} />
        </marker>
      </defs>
      {layout.rows.map((row) => (
        <text key={row.level} x={DIAGRAM.padding} y={row.y + 14} className={styles.diagramRowLabel}>
          {resultsMessages.level[row.level]}
        </text>
      ))}
      {layout.edges.map((edge) => (
        <path key={edge.id} d={edge.d} className={styles.diagramEdge} markerEnd={`url(#${markerId})`} />
      ))}
      {layout.nodes.map((node) => (
        <g key={node.id} data-node-id={node.id}>
          <rect
            x={node.x}
            y={node.y}
            width={DIAGRAM.nodeWidth}
            height={DIAGRAM.nodeHeight}
            rx="4"
            className={node.shared ? styles.diagramShared : styles.diagramNode}
          />
          <text x={node.x + 8} y={node.y + 20} className={styles.diagramText}>
            {node.lines.map((line, index) => (
              <tspan key={index} x={node.x + 8} dy={index === 0 ? 0 : 17}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
    </svg>
  );
}
