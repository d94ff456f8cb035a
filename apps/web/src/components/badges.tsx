import type { ReactNode } from 'react';
import { messages, type InitiativeStatusKey } from '../lib/messages';
import styles from './badges.module.css';

export type RagStatus = keyof typeof messages.vocabulary.ragStatus;
export type Severity = keyof typeof messages.vocabulary.alertSeverity;

// Every status, RAG and severity has a shape of its own beside its text, so none rests on colour alone. The text says
// it; the shape is aria-hidden. The same meaning gets the same shape everywhere: octagon = stop (red, critical),
// triangle = take care (amber, warning), circle = fine or for information.
const OCTAGON = 'M5.9 1h4.2L15 5.9v4.2L10.1 15H5.9L1 10.1V5.9z';
const TRIANGLE = 'M8 1.2 15.2 14.5H.8z';
const CIRCLE = 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z';

const STATUS_SHAPES: Record<InitiativeStatusKey, { d: string; filled: boolean }> = {
  // An open circle: not yet decided.
  draft: { d: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z', filled: false },
  // A half-filled circle: put forward.
  proposed: { d: 'M8 2a6 6 0 0 0 0 12z M8 2a6 6 0 0 1 0 12', filled: false },
  // A diamond: decided.
  approved: { d: 'M8 1.5 14.5 8 8 14.5 1.5 8z', filled: false },
  // A filled circle: running.
  active: { d: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2z', filled: true },
  // A tick: done.
  completed: { d: 'M2.5 8.5 6.5 12.5 13.5 3.5', filled: false },
  // A filled square: part of ordinary operations.
  integrated: { d: 'M2.5 2.5h11v11h-11z', filled: true },
  // A cross: stopped.
  discontinued: { d: 'M3 3 13 13 M13 3 3 13', filled: false },
};

const RAG_SHAPES: Record<RagStatus, string> = { green: CIRCLE, amber: TRIANGLE, red: OCTAGON };
const SEVERITY_SHAPES: Record<Severity, string> = { critical: OCTAGON, warning: TRIANGLE, info: CIRCLE };

function Shape({ d, filled = true }: { d: string; filled?: boolean }) {
  return (
    <svg className={styles.shape} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={d}
        fillOpacity={filled ? 1 : 0}
        strokeWidth={filled ? 0 : 1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** An initiative's status as shape and text: `◆ Beslutad`. */
export function StatusBadge({ status }: { status: InitiativeStatusKey }) {
  return (
    <span className={styles.badge}>
      <Shape {...STATUS_SHAPES[status]} />
      <span>{messages.vocabulary.initiativeStatus[status]}</span>
    </span>
  );
}

/** A status report's RAG as shape, colour and text: `▲ Gul – avvikelser`. */
export function RagBadge({ rag }: { rag: RagStatus }) {
  return (
    <span className={`${styles.badge} ${styles[rag]}`}>
      <Shape d={RAG_SHAPES[rag]} />
      <span>{messages.vocabulary.ragStatus[rag]}</span>
    </span>
  );
}

/** An alert's severity as shape, colour and text: `▲ Varning`; `children` follow the text (a count). */
export function SeverityBadge({ severity, children }: { severity: Severity; children?: ReactNode }) {
  return (
    <span className={`${styles.badge} ${styles.strong} ${styles[severity]}`}>
      <Shape d={SEVERITY_SHAPES[severity]} />
      <span>{messages.vocabulary.alertSeverity[severity]}</span>
      {children}
    </span>
  );
}
