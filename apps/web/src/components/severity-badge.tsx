import { messages } from '../lib/messages';
import styles from './severity-badge.module.css';

export type Severity = keyof typeof messages.vocabulary.alertSeverity;

// A shape per severity, so it never rests on colour alone: critical an octagon (a stop sign), warning a triangle,
// information a circle. The text says it too; the shape is aria-hidden.
const SHAPES: Record<Severity, string> = {
  critical: 'M5.9 1h4.2L15 5.9v4.2L10.1 15H5.9L1 10.1V5.9z',
  warning: 'M8 1.2 15.2 14.5H.8z',
  info: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1z',
};

/** An alert's severity as text and shape: `▲ Varning`. */
export function SeverityBadge({ severity, children }: { severity: Severity; children?: React.ReactNode }) {
  return (
    <span className={`${styles.badge} ${styles[severity]}`}>
      <svg className={styles.shape} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <path d={SHAPES[severity]} />
      </svg>
      <span>{messages.vocabulary.alertSeverity[severity]}</span>
      {children}
    </span>
  );
}
