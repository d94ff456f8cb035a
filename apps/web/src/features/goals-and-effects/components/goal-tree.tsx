import { Link } from '@tanstack/react-router';
import { messages, type InitiativeStatusKey } from '../../../lib/messages';
import type { GoalFigures } from '../api/goal-queries';
import { goalsMessages as t } from '../messages';
import { costText } from '../utils/goal-tree';
import { IndicatorTrends } from './indicator-trends';
import styles from './goals.module.css';

type TreeProps = {
  goals: readonly GoalFigures[];
  open: ReadonlySet<string>;
  onToggle: (goalId: string) => void;
  /** The statuses counted (none: all), carried to Insatser so its total is the same number. */
  status: InitiativeStatusKey[] | undefined;
};

/**
 * The goal tree as nested lists. A goal with goals under it is a disclosure button (aria-expanded) that shows or hides
 * them; every figure is text beside the goal, the count a link to Insatser filtered by the goal.
 */
export function GoalTree({ goals, nested = false, ...shared }: TreeProps & { nested?: boolean }) {
  return (
    <ul className={nested ? styles.subtree : styles.tree}>
      {goals.map((goal) => (
        <GoalItem key={goal.id} goal={goal} {...shared} />
      ))}
    </ul>
  );
}

function GoalItem({ goal, open, onToggle, status }: { goal: GoalFigures } & Omit<TreeProps, 'goals'>) {
  const isOpen = open.has(goal.id);
  const childrenId = `mal-${goal.id}-under`;
  const name = (
    <>
      <span className={styles.levelLabel}>{messages.vocabulary.goalLevel[goal.level]}</span>{' '}
      <span className={styles.code}>{goal.code}</span> <span className={styles.title}>{goal.title}</span>
    </>
  );
  return (
    <li className={styles.goal}>
      {goal.children.length > 0 ? (
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={isOpen}
          aria-controls={childrenId}
          onClick={() => onToggle(goal.id)}
        >
          <span className={styles.marker} aria-hidden="true">
            {isOpen ? '−' : '+'}
          </span>
          <span>
            {name} <span className="visually-hidden">({t.subGoals(goal.children.length)})</span>
          </span>
        </button>
      ) : (
        <p className={styles.leaf}>{name}</p>
      )}
      <div className={styles.details}>
        <p className={styles.figures}>
          {goal.initiatives > 0 ? (
            <Link
              to="/insatser"
              search={{ goalId: goal.id, status }}
              aria-label={`${t.initiatives(goal.initiatives)}, ${t.initiativesLinkHint(goal.code)}`}
            >
              {t.initiatives(goal.initiatives)}
            </Link>
          ) : (
            t.noInitiatives
          )}
          {goal.directInitiatives > 0 && goal.directInitiatives < goal.initiatives
            ? ` ${t.direct(goal.directInitiatives)}`
            : null}
          {goal.initiatives > 0 ? `, ${costText(goal)}` : null}
        </p>
        {goal.indicators.length > 0 ? (
          <IndicatorTrends indicators={goal.indicators} label={`${t.indicatorsHeading} ${goal.code}`} />
        ) : null}
        {goal.level === 'priority_area' ? (
          <p className={styles.chainLink}>
            <Link to="/mal/$code" params={{ code: goal.code }}>
              {t.openChain(goal.code)}
            </Link>
          </p>
        ) : null}
      </div>
      {goal.children.length > 0 ? (
        <div id={childrenId} hidden={!isOpen}>
          {isOpen ? <GoalTree goals={goal.children} open={open} onToggle={onToggle} status={status} nested /> : null}
        </div>
      ) : null}
    </li>
  );
}
