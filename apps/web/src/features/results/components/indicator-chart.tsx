import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { resultsMessages } from '../messages';
import { formatFigure, type ChartPoint } from '../utils/indicator-series';
import styles from './results.module.css';

const t = resultsMessages.indicator;

// tokens.css's brand, success, muted text and warning colours (recharts draws its legend from these props, not CSS).
const COLOURS = { actual: '#123c63', target: '#1e6b34', sweden: '#4b5060', baseline: '#7a4500' } as const;

type Props = { points: readonly ChartPoint[]; baseline: number | null; unit: string; label: string };

/**
 * The series as lines: the municipality's actuals (solid, with dots), the targets (dashed), Sweden's figures (dotted)
 * and the baseline as a level line. Lines differ in dash and marker as well as colour, and the legend names them. The
 * figures are in the table under it, so the chart is one image to assistive technology and no keyboard stop.
 */
export default function IndicatorChart({ points, baseline, unit, label }: Props) {
  const hasSweden = points.some((point) => point.sweden !== null);
  const hasTarget = points.some((point) => point.target !== null);
  return (
    <div role="img" aria-label={label} className={styles.chartArea} data-testid="indikator-diagram">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} accessibilityLayer={false} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="period" tickMargin={6} />
          <YAxis
            width={72}
            tickFormatter={(value: number) => formatFigure(value, unit)}
            domain={[(lowest: number) => Math.min(0, Math.floor(lowest)), 'auto']}
          />
          <Tooltip formatter={(value) => formatFigure(Number(value), unit)} isAnimationActive={false} />
          <Legend />
          {baseline !== null && (
            <ReferenceLine
              y={baseline}
              ifOverflow="extendDomain"
              stroke={COLOURS.baseline}
              strokeDasharray="2 4"
              label={{ value: t.baseline, position: 'insideTopLeft', fill: COLOURS.baseline }}
            />
          )}
          <Line
            dataKey="actual"
            name={t.actual}
            stroke={COLOURS.actual}
            strokeWidth={3}
            dot={{ r: 5 }}
            connectNulls
            isAnimationActive={false}
          />
          {hasTarget && (
            <Line
              dataKey="target"
              name={t.target}
              stroke={COLOURS.target}
              strokeWidth={2}
              strokeDasharray="8 4"
              dot={{ r: 5 }}
              connectNulls
              isAnimationActive={false}
            />
          )}
          {hasSweden && (
            <Line
              dataKey="sweden"
              name={t.sweden}
              stroke={COLOURS.sweden}
              strokeWidth={2}
              strokeDasharray="1 4"
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
