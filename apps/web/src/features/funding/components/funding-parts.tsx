import { forwardRef, type ReactNode } from 'react';
import badges from '../../../components/badges.module.css';
import type { FundingStatus } from '../utils/funding-form';
import { messages } from '../../../lib/messages';
import styles from './funding.module.css';

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/**
 * A heading at the level its place asks for: the editor's headings start at 2 on Finansiering and inside the guide
 * alike, and a form's heading sits one below the line it belongs to. It takes focus (tabIndex -1) when a form opens.
 */
export const LevelHeading = forwardRef<
  HTMLHeadingElement,
  { level: HeadingLevel; id?: string; className?: string; children: ReactNode }
>(function LevelHeading({ level, id, className, children }, ref) {
  const Tag = `h${level}` as const;
  return (
    <Tag ref={ref} id={id} tabIndex={-1} className={className}>
      {children}
    </Tag>
  );
});

export const below = (level: HeadingLevel): HeadingLevel => Math.min(level + 1, 6) as HeadingLevel;

// A shape for each status beside its word, so it never rests on colour: an open ring (applied, not yet money), a
// filled circle (granted), a cross (rejected), a square (ended).
const SHAPES: Record<FundingStatus, { d: string; filled: boolean }> = {
  applied: { d: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z', filled: false },
  granted: { d: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2z', filled: true },
  rejected: { d: 'M3 3 13 13 M13 3 3 13', filled: false },
  ended: { d: 'M2.5 2.5h11v11h-11z', filled: true },
};

export function FundingStatusBadge({ status }: { status: FundingStatus }) {
  const { d, filled } = SHAPES[status];
  return (
    <span className={`${badges.badge} ${badges.strong}`}>
      <svg className={styles.shape} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <path
          d={d}
          fillOpacity={filled ? 1 : 0}
          strokeWidth={filled ? 0 : 1.75}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span>{messages.vocabulary.fundingStatus[status]}</span>
    </span>
  );
}
