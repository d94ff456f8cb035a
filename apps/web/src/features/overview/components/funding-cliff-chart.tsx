import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../../lib/format';
import type { CliffRow } from '../utils/cliff-series';
import styles from './overview.module.css';
import { overviewMessages } from '../messages';

const compact = new Intl.NumberFormat('sv-SE', { notation: 'compact', maximumFractionDigits: 1 });

type BarShapeProps = { x?: number; y?: number; width?: number; height?: number; payload?: CliffRow };

/** Each bar names its month and amount, so a test can hold the chart against the table. */
function CliffBar({ x = 0, y = 0, width = 0, height = 0, payload }: BarShapeProps) {
  return (
    <rect
      x={x}
      y={y}
      width={width}
      height={Math.max(height, 0)}
      className={styles.bar}
      data-month={payload?.month}
      data-amount={payload?.fundingEndingSek}
    />
  );
}

/**
 * The funding cliff as bars, one a month: temporary kronor ending with coverage undecided. The figures are in the table
 * beside it; the chart is one image to assistive technology (its label says where the numbers are), and not a
 * keyboard stop of its own.
 */
export default function FundingCliffChart({ rows, label }: { rows: readonly CliffRow[]; label: string }) {
  return (
    <div role="img" aria-label={label} className={styles.chartArea} data-testid="stupet-diagram">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...rows]} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid vertical={false} className={styles.grid} />
          <XAxis dataKey="label" interval="preserveStartEnd" tickMargin={6} />
          <YAxis tickFormatter={(value: number) => `${compact.format(value)} kr`} width={80} />
          <Tooltip
            formatter={(value) => [formatMoney(Number(value)), overviewMessages.cliff.fundingEnding]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="fundingEndingSek"
            name={overviewMessages.cliff.fundingEnding}
            shape={CliffBar}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
