import { useState } from 'react';
import buttons from '../../../components/buttons.module.css';
import { Page } from '../../../components/layout/page';
import { messages } from '../../../lib/messages';
import { LoadError } from '../../../components/load-error';
import { useGoalTreeFigures, type GoalFigures } from '../api/goal-queries';
import { goalsMessages as t } from '../messages';
import { goalsWithChildren, openAtFirst } from '../utils/goal-tree';
import { GoalTree } from './goal-tree';
import styles from './goals.module.css';

/** Mål och effekter: the goal tree with each goal's initiatives, their annual cost and its indicators' trend. */
export function GoalsPage() {
  const tree = useGoalTreeFigures();
  return (
    <Page title={messages.nav.goals} wide>
      <p className={styles.intro}>{t.intro}</p>
      {tree.isPending ? (
        <p role="status">{t.loading}</p>
      ) : tree.isError ? (
        <LoadError error={tree.error} message={t.error} onRetry={() => void tree.refetch()} />
      ) : (
        <Tree goals={tree.data} />
      )}
    </Page>
  );
}

function Tree({ goals }: { goals: GoalFigures[] }) {
  const [open, setOpen] = useState(() => openAtFirst(goals));
  const toggle = (goalId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(goalId)) next.add(goalId);
      return next;
    });
  return (
    <section aria-labelledby="maltradet">
      <h2 id="maltradet">{t.treeHeading}</h2>
      {goals.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          <div className={styles.treeActions}>
            <button type="button" className={buttons.outlined} onClick={() => setOpen(new Set(goalsWithChildren(goals)))}>
              {t.expandAll}
            </button>
            <button type="button" className={buttons.outlined} onClick={() => setOpen(new Set())}>
              {t.collapseAll}
            </button>
          </div>
          <GoalTree goals={goals} open={open} onToggle={toggle} />
        </>
      )}
    </section>
  );
}
