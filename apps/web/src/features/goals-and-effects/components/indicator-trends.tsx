import { Link } from '@tanstack/react-router';
import type { GoalIndicator } from '../api/goal-queries';
import { trendText } from '../utils/goal-tree';
import styles from './goals.module.css';

/** A goal's indicators, each linked to Indikatorn, with which way it goes in words. */
export function IndicatorTrends({ indicators, label }: { indicators: readonly GoalIndicator[]; label: string }) {
  return (
    <ul className={styles.indicators} aria-label={label}>
      {indicators.map((indicator) => (
        <li key={indicator.id}>
          <Link to="/indikatorer/$id" params={{ id: indicator.id }}>
            {indicator.name}
          </Link>{' '}
          ({indicator.code}):{' '}
          <span className={indicator.trend ? styles[indicator.trend] : undefined}>{trendText(indicator)}</span>
        </li>
      ))}
    </ul>
  );
}
